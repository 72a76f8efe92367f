package org.parallax.core.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleRemovals;
import org.parallax.core.text.ControlCharacters;

/**
 * Writes and reads annotations, with the authorisation rule in one place: a private annotation exists only
 * for its author (to everyone else it is "not found"), a shared one is readable by every logged-in user
 * (and by visitors when {@link AnnotationsConfig#sharedVisibility()} is {@code public}), and only the
 * author changes it. A {@code viewer} of null is a visitor who is not logged in.
 */
@ApplicationScoped
@Transactional
public class AnnotationService {

    public static final int MAX_NOTE = 10_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;
    public static final int MAX_QUOTE = 5_000;
    /** Why an empty reply is refused; pages that name refusals by a fixed key recognise this one. */
    public static final String REPLY_NEEDS_TEXT = "A reply needs some text.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = """
            select an.id, u.username, an.article_id, a.headline, o.name, a.url, a.story_id, s.title, an.parent_id,
                   an.target::text, an.note, an.tags, an.visibility, an.anchor_state, an.anchor_note, an.version,
                   an.created_at, an.updated_at, an.deleted_at
            from annotation an
            join app_user u on u.id = an.user_id
            join article a on a.id = an.article_id
            left join outlet o on o.id = a.outlet_id
            left join story s on s.id = a.story_id
            """;

    private final EntityManager em;
    private final AnnotationsConfig config;
    private final Event<AnnotationCreated> created;
    private final ArticleRemovals removals;

    public AnnotationService(EntityManager em, AnnotationsConfig config, Event<AnnotationCreated> created,
                             ArticleRemovals removals) {
        this.em = em;
        this.config = config;
        this.created = created;
        this.removals = removals;
    }

    /** The article an imported annotation's source names: its URL or canonical URL as ingested. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> articleAt(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                        "select id from article where url = ?1 or canonical_url = ?1 order by id desc limit 1")
                .setParameter(1, url).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean articleExists(long articleId) {
        return Article.findByIdOptional(articleId).isPresent();
    }

    /**
     * The article a new annotation goes on, read under the lock the annotation's foreign key takes when it
     * is stored ({@code FOR KEY SHARE}), taken first. An editor's removal holds {@code FOR UPDATE} until it
     * commits: a note written meanwhile waits for it and is then told the article is gone, instead of
     * failing on the foreign key with a server error.
     */
    private Article articleToAnnotate(long articleId) {
        boolean present = !em.createNativeQuery("select 1 from article where id = ?1 for key share")
                .setParameter(1, articleId).getResultList().isEmpty();
        if (!present) {
            throw new AnnotationProblem.Invalid(!removals.removals(articleId).isEmpty()
                    ? "Article " + articleId + " was removed by an editor, so it can no longer be annotated."
                    : "There is no article " + articleId + ".");
        }
        return Article.findById(articleId);
    }

    /** What a new annotation says; the quote's position is checked against the article's stored body. */
    public record Draft(TextQuote quote, String note, List<String> tags, String visibility) {
    }

    /** A change to an annotation, based on the version the user saw; a null visibility keeps the current one. */
    public record Edit(int baseVersion, String note, List<String> tags, String visibility) {
    }

    public AnnotationData create(long viewer, long articleId, Draft draft) {
        Article article = articleToAnnotate(articleId);
        if (draft.quote().exact().length() > MAX_QUOTE) {
            throw new AnnotationProblem.Invalid("A highlight can be at most " + MAX_QUOTE + " characters long.");
        }
        Anchoring.Result anchored = Anchoring.anchor(draft.quote(), article.body);
        if (!anchored.anchored()) {
            throw new AnnotationProblem.Invalid("The selected text is not in this article (" + anchored.how() + ").");
        }
        Annotation annotation = newAnnotation(viewer, articleId, draft.note(), draft.tags(), draft.visibility());
        annotation.point(anchored.quote());
        annotation.persist();
        em.flush();
        created.fire(new AnnotationCreated(annotation.id));
        return find(viewer, annotation.id).orElseThrow();
    }

    /**
     * Stores an imported annotation: anchored where its quote is found, else kept as orphaned (the note is
     * the user's work and is never dropped). Returns empty when the same annotation is already there.
     */
    public Optional<AnnotationData> importOne(long viewer, long articleId, Draft draft) {
        Article article = articleToAnnotate(articleId);
        Anchoring.Result anchored = Anchoring.anchor(draft.quote(), article.body);
        TextQuote quote = anchored.anchored() ? anchored.quote() : draft.quote();
        Annotation annotation = newAnnotation(viewer, articleId, draft.note(), withoutCommas(draft.tags()),
                draft.visibility());
        annotation.point(quote);
        if (!anchored.anchored()) {
            annotation.anchorState = Annotation.ORPHANED;
            annotation.anchorNote = "Imported, but " + anchored.how() + ".";
        }
        boolean duplicate = ((Number) em.createNativeQuery("""
                        select count(*) from annotation where user_id = ?1 and article_id = ?2 and parent_id is null
                        and deleted_at is null and target = cast(?3 as jsonb) and coalesce(note, '') = coalesce(?4, '')
                        and tags = cast(?5 as text[])""")
                .setParameter(1, viewer).setParameter(2, articleId).setParameter(3, json(annotation.target))
                .setParameter(4, annotation.note).setParameter(5, arrayLiteral(annotation.tags))
                .getSingleResult()).longValue() > 0;
        if (duplicate) {
            return Optional.empty();
        }
        annotation.persist();
        em.flush();
        created.fire(new AnnotationCreated(annotation.id));
        return find(viewer, annotation.id);
    }

    /** A reply to a shared annotation (or to the author's own): shared with whoever can read the parent. */
    public AnnotationData reply(long viewer, long parentId, String note) {
        Annotation parent = visibleEntity(viewer, parentId);
        if (parent.parentId != null) {
            throw new AnnotationProblem.Invalid("Reply to the annotation itself, not to a reply.");
        }
        if (!parent.isShared() && parent.userId != viewer) {
            throw new AnnotationProblem.NotFound(parentId);
        }
        // Measured after cleaning: a note of nothing but control characters would otherwise be stored empty.
        if (cleanNote(note) == null) {
            throw new AnnotationProblem.Invalid(REPLY_NEEDS_TEXT);
        }
        Annotation reply = newAnnotation(viewer, parent.articleId, note, List.of(), parent.visibility);
        reply.parentId = parent.id;
        reply.target = parent.target;
        reply.persist();
        em.flush();
        created.fire(new AnnotationCreated(reply.id));
        return find(viewer, reply.id).orElseThrow();
    }

    public AnnotationData update(long viewer, long id, Edit edit) {
        Annotation annotation = ownEntity(viewer, id);
        if (annotation.isDeleted()) {
            throw new AnnotationProblem.NotFound(id);
        }
        if (annotation.version != edit.baseVersion()) {
            throw new AnnotationProblem.Conflict(find(viewer, id).orElseThrow());
        }
        annotation.note = cleanNote(edit.note());
        annotation.tags = cleanTags(edit.tags());
        boolean thread = annotation.parentId == null && edit.visibility() != null;
        if (thread) {
            annotation.visibility = cleanVisibility(edit.visibility());
        }
        annotation.updatedAt = Instant.now();
        flushOrConflict(viewer, id);
        if (thread) {
            // Replies are read by whoever can read the annotation they answer: made private, the thread goes
            // with it, instead of leaving the replies readable by every logged-in user. After the flush, so
            // that a lost race is still reported as a conflict.
            em.createQuery("update Annotation set visibility = ?1 where parentId = ?2")
                    .setParameter(1, annotation.visibility).setParameter(2, annotation.id).executeUpdate();
        }
        return find(viewer, id).orElseThrow();
    }

    /** Soft delete: the author can restore it within the restore window. */
    public void delete(long viewer, long id, Integer baseVersion) {
        Annotation annotation = ownEntity(viewer, id);
        if (annotation.isDeleted()) {
            return;
        }
        if (baseVersion != null && annotation.version != baseVersion) {
            throw new AnnotationProblem.Conflict(find(viewer, id).orElseThrow());
        }
        annotation.deletedAt = Instant.now();
        annotation.updatedAt = annotation.deletedAt;
        flushOrConflict(viewer, id);
    }

    public AnnotationData restore(long viewer, long id) {
        Annotation annotation = ownEntity(viewer, id);
        if (annotation.isDeleted()) {
            if (annotation.deletedAt.plus(config.restoreWindow()).isBefore(Instant.now())) {
                throw new AnnotationProblem.Gone(id);
            }
            annotation.deletedAt = null;
            annotation.updatedAt = Instant.now();
            flushOrConflict(viewer, id);
        }
        return find(viewer, id).orElseThrow();
    }

    /** The annotation if this viewer may read it; the author also sees it while it is deleted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AnnotationData> find(Long viewer, long id) {
        List<AnnotationData> found = query(SELECT + " where an.id = ? and " + readable("an"), id, viewer, viewer);
        return found.stream().findFirst();
    }

    /** Annotations on an article that the viewer may read, replies included, in text order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnotationData> onArticle(Long viewer, long articleId) {
        return query(SELECT + " where an.article_id = ? and an.deleted_at is null and " + readable("an")
                + " and (an.parent_id is null or exists (select 1 from annotation p where p.id = an.parent_id"
                + " and p.deleted_at is null)) order by coalesce(an.parent_id, an.id), an.parent_id nulls first, an.id",
                articleId, viewer, viewer);
    }

    /** Filters for the user's own annotations; null or blank means "any". */
    /**
     * @param outlet the annotated article's outlet, by name in any case, as search's {@code outlet:} reads it
     * @param from   articles published on or after this day (UTC), as search's {@code from:}; undated ones never match
     * @param to     articles published on or before this day (UTC), as search's {@code to:}
     */
    public record Filter(String query, String tag, Long storyId, boolean deleted, String outlet,
                         java.time.LocalDate from, java.time.LocalDate to) {

        /** Typed text: control characters cannot be meant, and PostgreSQL would refuse a NUL. */
        public Filter {
            query = ControlCharacters.replace(query);
            tag = ControlCharacters.replace(tag);
            outlet = ControlCharacters.replace(outlet);
        }

        public Filter(String query, String tag, Long storyId, boolean deleted) {
            this(query, tag, storyId, deleted, null, null, null);
        }

        public static Filter all() {
            return new Filter(null, null, null, false);
        }
    }

    /** The viewer's own annotations (not replies), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnotationData> mine(long viewer, Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where an.user_id = ? and an.parent_id is null");
        List<Object> params = new ArrayList<>();
        params.add(viewer);
        sql.append(filter.deleted() ? " and an.deleted_at is not null" : " and an.deleted_at is null");
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and an.search_vector @@ websearch_to_tsquery('english', ?)");
            params.add(filter.query().strip());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and ? = any(an.tags)");
            params.add(filter.tag().strip());
        }
        if (filter.storyId() != null) {
            sql.append(" and a.story_id = ?");
            params.add(filter.storyId());
        }
        if (filter.outlet() != null && !filter.outlet().isBlank()) {
            sql.append(" and lower(o.name) = lower(?)");
            params.add(filter.outlet().strip());
        }
        if (filter.from() != null) {
            sql.append(" and a.published_at >= ?");
            params.add(filter.from().atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and a.published_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
        }
        sql.append(" order by an.created_at desc, an.id desc limit 1000");
        return query(sql.toString(), params.toArray());
    }

    /** Tags the viewer used, with how often, most used first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> tagCounts(long viewer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select t, count(*) from annotation, unnest(tags) t
                        where user_id = ?1 and deleted_at is null group by t order by count(*) desc, t limit 200""")
                .setParameter(1, viewer).getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** Stories the viewer annotated, for the story filter: id and title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> annotatedStories(long viewer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct s.id, s.title from annotation an join article a on a.id = an.article_id
                        join story s on s.id = a.story_id where an.user_id = ?1 and an.deleted_at is null
                        order by s.title, s.id""")
                .setParameter(1, viewer).getResultList();
        Map<Long, String> stories = new LinkedHashMap<>();
        for (Object[] row : rows) {
            stories.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return stories;
    }

    /**
     * "Annotate once, see it everywhere": readable annotations on other articles of the story whose passage is
     * aligned with a passage of this one, each placed on this article's aligned passage.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnotationData> counterparts(Long viewer, long articleId) {
        String sql = SELECT.replace("from annotation an", ", l.other_start, l.other_end, l.kind from annotation an") + """
                join lateral (
                    select case when pl.article_a = an.article_id then pl.b_start else pl.a_start end as other_start,
                           case when pl.article_a = an.article_id then pl.b_end else pl.a_end end as other_end,
                           pl.kind
                    from passage_link pl
                    where (pl.article_a = an.article_id and pl.article_b = ?
                           and pl.a_start < (an.target #>> '{selector,1,end}')::int
                           and pl.a_end > (an.target #>> '{selector,1,start}')::int)
                       or (pl.article_b = an.article_id and pl.article_a = ?
                           and pl.b_start < (an.target #>> '{selector,1,end}')::int
                           and pl.b_end > (an.target #>> '{selector,1,start}')::int)
                    order by pl.score desc, pl.id limit 1) l on true
                where an.article_id <> ? and an.parent_id is null and an.deleted_at is null
                  and an.anchor_state = 'anchored' and a.story_id = (select story_id from article where id = ?)
                  and """ + readable("an") + " order by l.other_start, an.id";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, articleId, articleId, articleId, articleId, viewer, viewer);
                List<AnnotationData> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AnnotationData data = read(rows);
                        found.add(data.asCounterpart(new AnnotationData.Counterpart(data.articleId(), data.outlet(),
                                rows.getInt(20), rows.getInt(21), rows.getString(22))));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Moves every annotation of an article onto its new body (a new revision) inside the storing transaction:
     * by position, then by quote and context, verified; what cannot be found is marked orphaned, never moved
     * to a look-alike. Orphans get another chance, so text that comes back brings its annotation back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReanchorReport reanchor(long articleId, String newBody) {
        int kept = 0;
        int moved = 0;
        int orphaned = 0;
        List<Annotation> annotations = Annotation.list("articleId = ?1 and parentId is null", articleId);
        for (Annotation annotation : annotations) {
            TextQuote before = annotation.quote();
            Anchoring.Result result = Anchoring.anchor(before, newBody);
            if (result.anchored()) {
                boolean same = result.quote().start() == before.start() && result.quote().end() == before.end();
                if (same && !annotation.isOrphaned()) {
                    kept++;
                } else {
                    moved++;
                }
                annotation.point(result.quote());
                annotation.anchorState = Annotation.ANCHORED;
                annotation.anchorNote = same ? annotation.anchorNote : "Re-anchored after a revision (" + result.how() + ").";
            } else {
                orphaned++;
                annotation.anchorState = Annotation.ORPHANED;
                annotation.anchorNote = "The article was revised and " + result.how() + ".";
            }
            for (Annotation reply : Annotation.<Annotation>list("parentId", annotation.id)) {
                reply.target = annotation.target;
                reply.anchorState = annotation.anchorState;
            }
        }
        em.flush();
        return new ReanchorReport(kept, moved, orphaned);
    }

    /** What re-anchoring did to an article's annotations. */
    public record ReanchorReport(int kept, int moved, int orphaned) {
    }

    private Annotation newAnnotation(long viewer, long articleId, String note, List<String> tags, String visibility) {
        Annotation annotation = new Annotation();
        annotation.userId = viewer;
        annotation.articleId = articleId;
        annotation.note = cleanNote(note);
        annotation.tags = cleanTags(tags);
        annotation.visibility = cleanVisibility(visibility);
        annotation.createdAt = Instant.now();
        annotation.updatedAt = annotation.createdAt;
        return annotation;
    }

    private void flushOrConflict(long viewer, long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            // Another transaction committed a newer version between our read and our write.
            throw new AnnotationProblem.Conflict(find(viewer, id).orElseThrow(() -> new AnnotationProblem.NotFound(id)));
        }
    }

    private Annotation visibleEntity(long viewer, long id) {
        Annotation annotation = Annotation.findById(id);
        if (annotation == null || annotation.isDeleted() || (!annotation.isShared() && annotation.userId != viewer)) {
            throw new AnnotationProblem.NotFound(id);
        }
        return annotation;
    }

    private Annotation ownEntity(long viewer, long id) {
        Annotation annotation = Annotation.findById(id);
        if (annotation == null || (annotation.userId != viewer && (!annotation.isShared() || annotation.isDeleted()))) {
            throw new AnnotationProblem.NotFound(id);
        }
        if (annotation.userId != viewer) {
            throw new AnnotationProblem.NotYours();
        }
        return annotation;
    }

    /** The read rule as SQL; binds the viewer twice. */
    private String readable(String alias) {
        String shared = alias + ".visibility = 'shared' and " + alias + ".deleted_at is null";
        String who = config.sharedVisibility() == AnnotationsConfig.SharedVisibility.PUBLIC
                ? "(cast(? as bigint) is null or true)" // visitors too
                : "cast(? as bigint) is not null";
        return "(" + alias + ".user_id = ? or (" + who + " and " + shared + "))";
    }

    static String cleanNote(String note) {
        if (note == null) {
            return null;
        }
        // HTML forms send line breaks as CRLF while the textarea's maxlength counted each as one character;
        // measured and stored as LF, a note is as long as its author was told it could be.
        String cleaned = stripControls(note.replace("\r\n", "\n").replace('\r', '\n')).strip();
        if (cleaned.length() > MAX_NOTE) {
            throw new AnnotationProblem.Invalid("A note can be at most " + MAX_NOTE + " characters long.");
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    static String[] cleanTags(List<String> tags) {
        Set<String> cleaned = new LinkedHashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String t = tag == null ? "" : stripControls(tag).strip().replaceAll("\\s+", "-");
            if (t.isEmpty()) {
                continue;
            }
            // The forms write an annotation's tags as one comma-separated field: a tag holding a comma would
            // come back from an edit as two tags. Refused wherever a user can be told (imports: withoutCommas).
            if (t.indexOf(',') >= 0) {
                throw new AnnotationProblem.Invalid("A tag cannot contain a comma (commas separate tags): “"
                        + (t.length() > MAX_TAG ? t.substring(0, MAX_TAG) + "…" : t)
                        + "”. Use a dash or a space instead.");
            }
            if (t.length() > MAX_TAG) {
                throw new AnnotationProblem.Invalid("A tag can be at most " + MAX_TAG + " characters long.");
            }
            cleaned.add(t);
        }
        if (cleaned.size() > MAX_TAGS) {
            throw new AnnotationProblem.Invalid("An annotation can have at most " + MAX_TAGS + " tags.");
        }
        return cleaned.toArray(String[]::new);
    }

    /**
     * Tags from another tool may hold commas, which Parallax refuses; an import must not drop the note over
     * that, so there the commas become dashes, as whitespace does in every tag.
     */
    static List<String> withoutCommas(List<String> tags) {
        return tags == null ? null
                : tags.stream().map(t -> t == null ? null : t.strip().replaceAll("\\s*,[\\s,]*", "-")).toList();
    }

    static String cleanVisibility(String visibility) {
        if (visibility == null || visibility.isBlank() || Annotation.PRIVATE.equals(visibility)) {
            return Annotation.PRIVATE;
        }
        if (Annotation.SHARED.equals(visibility)) {
            return Annotation.SHARED;
        }
        throw new AnnotationProblem.Invalid("Visibility is 'private' or 'shared'.");
    }

    /** Control characters other than tab and newlines have no place in a note and can confuse terminals. */
    private static String stripControls(String s) {
        return s.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "");
    }

    private List<AnnotationData> query(String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                List<AnnotationData> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(read(rows));
                    }
                }
                return found;
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                statement.setNull(i + 1, java.sql.Types.BIGINT);
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    private static AnnotationData read(ResultSet rows) throws SQLException {
        Map<String, Object> target = parse(rows.getString(10));
        Array tags = rows.getArray(12);
        return new AnnotationData(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                rows.getString(5), rows.getString(6), (Long) rows.getObject(7, Long.class), rows.getString(8),
                rows.getObject(9, Long.class), Annotation.selectors(target), rows.getString(11),
                tags == null ? List.of() : List.of((String[]) tags.getArray()), rows.getString(13), rows.getString(14),
                rows.getString(15), rows.getInt(16), instant(rows.getTimestamp(17)), instant(rows.getTimestamp(18)),
                instant(rows.getTimestamp(19)), null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable annotation target", e);
        }
    }

    private static String json(Map<String, Object> target) {
        try {
            return JSON.writeValueAsString(target);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PostgreSQL array literal, each element quoted, for the duplicate check. */
    private static String arrayLiteral(String[] values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }
}
