package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.parallax.core.alignment.AlignmentService;
import org.parallax.core.article.Article;

/**
 * Groups articles into stories as they arrive and keeps each story's counts, dates, title, history, related
 * stories and stored alignment up to date. Assignment runs after the article's transaction has committed
 * (see {@link StoryAssignmentTrigger}), in two steps: grouping, serialised by an advisory lock since each one
 * reads the links the previous one wrote, and then, in transactions of their own, the alignment of the
 * stories it changed ({@link StoryAlignmentQueue}), which can run beside the next grouping.
 */
@ApplicationScoped
@Transactional
public class StoryService {

    private static final Logger LOG = Logger.getLogger(StoryService.class);

    /** Key of the PostgreSQL advisory lock that serialises story assignment. */
    private static final long ASSIGNMENT_LOCK = 0x5354_4f52_5931L;

    private final EntityManager em;
    private final AlignmentService alignment;
    private final StoryAlignmentQueue alignmentQueue;
    private final FeatureExtractor features = FeatureExtractor.english();
    private final StorySettings settings = StorySettings.defaults();

    public StoryService(EntityManager em, AlignmentService alignment, StoryAlignmentQueue alignmentQueue) {
        this.em = em;
        this.alignment = alignment;
        this.alignmentQueue = alignmentQueue;
    }

    /**
     * Puts a stored article into a story ({@link #group}), then aligns the stories that changed, each in a
     * transaction of its own. Idempotent.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Assignment> assign(long articleId) {
        Optional<Assignment> assignment = group(articleId);
        assignment.ifPresent(done -> touched(done).forEach(alignmentQueue::align));
        return assignment;
    }

    /**
     * Puts a stored article into a story and marks the stories that changed for alignment, in one transaction,
     * leaving their alignment to {@link StoryAlignmentQueue}. Idempotent: an article already in a story is
     * left alone (empty result).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Assignment> group(long articleId) {
        lock();
        StoryLocks.commitWithoutFlush(em);
        return assignLocked(articleId);
    }

    private static Set<Long> touched(Assignment assignment) {
        Set<Long> touched = new LinkedHashSet<>(assignment.changed().keySet());
        touched.add(assignment.storyId());
        touched.addAll(assignment.merged());
        touched.addAll(assignment.split());
        return touched;
    }

    /**
     * {@link #group} for a caller that holds the assignment lock in the current transaction. It must not go
     * through {@link #group} itself: Quarkus intercepts self-invocation, so that would open a second
     * transaction on another connection, which would then wait for the lock this one holds, forever (until
     * the transaction timeout).
     */
    private Optional<Assignment> assignLocked(long articleId) {
        long started = System.nanoTime();
        if (((Number) em.createNativeQuery("select count(*) from story_member where article_id = ?1")
                .setParameter(1, articleId).getSingleResult()).longValue() > 0) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("""
                        select a.headline, a.headlineDerived, a.body, a.publishedAt, o.name
                        from Article a left join a.outlet o where a.id = ?1""", Object[].class)
                .setParameter(1, articleId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no article with id " + articleId);
        }
        Object[] row = rows.get(0);
        String body = (String) row[2];
        Instant publishedAt = (Instant) row[3];
        ArticleFeatures extracted = features.extract((Boolean) row[1] ? null : (String) row[0], body, (String) row[4]);
        long grouping = System.nanoTime();
        Assignment assignment = withAssigner(assigner -> assigner.assign(articleId, publishedAt, extracted));
        grouping = System.nanoTime() - grouping;
        Set<Long> touched = touched(assignment);
        // No alignment of these stories starts or is under way from here until this transaction ends.
        StoryLocks.lock(em, touched);
        record(articleId, assignment);
        alignment.storeQuotes(articleId, body);
        for (long story : touched) {
            refreshSummary(story);
        }
        // The new article itself has no links yet: only older articles that changed story can have some.
        alignment.dropCrossStoryLinks(assignment.changed().values().stream().flatMap(List::stream)
                .filter(id -> id != articleId).toList());
        alignmentQueue.enqueue(touched, assignment.changed());
        LOG.debugf("article %d %s story %d: grouping %.1f ms, in all %.1f ms", articleId,
                assignment.kind().name().toLowerCase(Locale.ROOT), assignment.storyId(), grouping / 1e6,
                (System.nanoTime() - started) / 1e6);
        return Optional.of(assignment);
    }

    /**
     * Redoes what was derived from an article's text after it got a new revision: its quotes, and every
     * passage link and pair involving it, then the story's alignment. An article not yet in a story is assigned.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void realign(long articleId) {
        lock();
        List<?> story = em.createNativeQuery("select story_id from article where id = ?1 and story_id is not null")
                .setParameter(1, articleId).getResultList();
        if (story.isEmpty()) {
            // Not grouped yet (its queue entry is still waiting): group it now, with its new text, under the
            // lock already held, and align what changed. The queue's later attempt finds it grouped.
            assignLocked(articleId).ifPresent(done -> touched(done).forEach(alignmentQueue::alignHeld));
            return;
        }
        long storyId = ((Number) story.get(0)).longValue();
        StoryLocks.lock(em, List.of(storyId));
        em.createNativeQuery("delete from quote where article_id = ?1").setParameter(1, articleId).executeUpdate();
        em.createNativeQuery("delete from passage_link where article_a = ?1 or article_b = ?1")
                .setParameter(1, articleId).executeUpdate();
        em.createNativeQuery("delete from aligned_pair where article_a = ?1 or article_b = ?1")
                .setParameter(1, articleId).executeUpdate();
        String body = (String) em.createNativeQuery("select body from article where id = ?1")
                .setParameter(1, articleId).getSingleResult();
        alignment.storeQuotes(articleId, body);
        refreshSummary(storyId);
        alignment.refresh(List.of(storyId));
    }

    /**
     * An editor merges story {@code fromId} into {@code intoId}. All their articles are pinned together: later
     * arrivals may join the merged story but never take it apart.
     *
     * @return the merged story
     * @throws UnknownStory when either story does not exist or has no articles
     * @throws StoryEditRejected when both are the same story
     */
    public Story merge(long intoId, long fromId, String editor) {
        lock();
        Story into = existing(intoId);
        Story from = existing(fromId);
        if (into.id.equals(from.id)) {
            throw new StoryEditRejected("a story cannot be merged into itself");
        }
        StoryLocks.lock(em, List.of(intoId, fromId));
        StoryEvent event = StoryEvent.record(intoId, StoryEvent.Kind.MERGED, null, fromId, editor);
        StoryEvent.record(fromId, StoryEvent.Kind.MERGED, null, intoId, editor);
        em.flush();
        List<Long> moved = withAssigner(assigner -> assigner.mergeStories(intoId, fromId, event.id));
        em.createNativeQuery("update story set merged_into = ?1 where id = ?2")
                .setParameter(1, intoId).setParameter(2, fromId).executeUpdate();
        moveRelations(fromId, intoId);
        refreshSummary(intoId);
        refreshSummary(fromId);
        alignment.refresh(List.of(intoId, fromId), moved);
        em.refresh(into);
        return into;
    }

    /**
     * An editor moves some articles of a story into a new story. Each part is pinned: later arrivals never
     * merge the two again, nor split either of them. The two are shown as related.
     *
     * @return the new story, holding the articles moved
     * @throws UnknownStory when the story does not exist or has no articles
     * @throws StoryEditRejected when no article is given, one is not in the story, or all of them are
     */
    public Story split(long storyId, Collection<Long> articleIds, String editor) {
        lock();
        Story story = existing(storyId);
        Set<Long> leaving = new LinkedHashSet<>(articleIds);
        if (leaving.isEmpty()) {
            throw new StoryEditRejected("no articles given to split off");
        }
        @SuppressWarnings("unchecked")
        List<Number> members = em.createNativeQuery("select id from article where story_id = ?1")
                .setParameter(1, storyId).getResultList();
        Set<Long> memberIds = new HashSet<>();
        members.forEach(id -> memberIds.add(id.longValue()));
        List<Long> strangers = leaving.stream().filter(id -> !memberIds.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw new StoryEditRejected("not articles of story " + storyId + ": " + strangers);
        }
        if (leaving.size() == memberIds.size()) {
            throw new StoryEditRejected("splitting off every article would leave story " + storyId + " empty");
        }
        StoryLocks.lock(em, List.of(storyId));
        Story created = new Story();
        created.title = "";
        created.createdAt = Instant.now();
        created.updatedAt = created.createdAt;
        created.persist();
        StoryEvent rest = StoryEvent.record(storyId, StoryEvent.Kind.SPLIT, null, created.id, editor);
        StoryEvent founded = StoryEvent.record(created.id, StoryEvent.Kind.FOUNDED, null, storyId, editor);
        em.flush();
        withAssigner(assigner -> {
            assigner.splitStory(storyId, leaving, created.id, founded.id, rest.id);
            return null;
        });
        Number closest = (Number) em.createNativeQuery("""
                        select max(m.link_similarity) from story_member m join article a on a.id = m.article_id
                        join article b on b.id = m.linked_to
                        where (a.story_id = ?1 and b.story_id = ?2) or (a.story_id = ?2 and b.story_id = ?1)""")
                .setParameter(1, storyId).setParameter(2, created.id).getSingleResult();
        if (closest != null) {
            relate(storyId, created.id, closest.doubleValue());
        }
        refreshSummary(storyId);
        refreshSummary(created.id);
        alignment.refresh(List.of(storyId, created.id), List.copyOf(leaving));
        em.refresh(story);
        em.refresh(created);
        return created;
    }

    private Story existing(long id) {
        return find(id).orElseThrow(() -> new UnknownStory(id));
    }

    /**
     * Takes the assignment lock, planning the transaction's statements for their arguments (see
     * {@link StoryLocks#CUSTOM_PLANS}; for the index lookups, {@code feature = any(?)} over story_feature and
     * story_posting, a generic plan made while the tables were small was kept while they grew a hundredfold).
     */
    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1), " + StoryLocks.CUSTOM_PLANS)
                .setParameter(1, ASSIGNMENT_LOCK).getResultList();
    }

    /**
     * Refreshes the planner's statistics of the story tables. A bulk grouping ({@code parallax group}) grows
     * them from nothing to tens of thousands of rows, faster than autovacuum analyses them (if it runs at all),
     * and without statistics the planner takes an index lookup of 60 features for a scan of the table.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void analyzeIndex() {
        em.createNativeQuery("analyze story_feature, story_posting, story_member, aligned_pair, passage_link, quote")
                .executeUpdate();
    }

    private <T> T withAssigner(Function<StoryAssigner, T> work) {
        return em.unwrap(Session.class).doReturningWork(connection ->
                work.apply(new StoryAssigner(new JdbcStoryIndex(connection), settings)));
    }

    /** No story with this id, or one whose articles were all merged elsewhere. */
    public static final class UnknownStory extends RuntimeException {
        public UnknownStory(long id) {
            super("No story " + id);
        }
    }

    /** An editor's merge or split that cannot be carried out as asked. */
    public static final class StoryEditRejected extends RuntimeException {
        public StoryEditRejected(String message) {
            super(message);
        }
    }

    private void record(long articleId, Assignment assignment) {
        long storyId = assignment.storyId();
        StoryEvent.record(storyId, assignment.kind() == Assignment.Kind.FOUNDED ? StoryEvent.Kind.FOUNDED
                : StoryEvent.Kind.JOINED, articleId, null, StoryEvent.SYSTEM);
        for (long merged : assignment.merged()) {
            StoryEvent.record(storyId, StoryEvent.Kind.MERGED, articleId, merged, StoryEvent.SYSTEM);
            em.createNativeQuery("update story set merged_into = ?1 where id = ?2")
                    .setParameter(1, storyId).setParameter(2, merged).executeUpdate();
            moveRelations(merged, storyId);
        }
        for (long split : assignment.split()) {
            StoryEvent.record(split, StoryEvent.Kind.SPLIT, articleId, storyId, StoryEvent.SYSTEM);
        }
        relateAll(storyId, assignment.related());
        // Centrality: the sum of a member's similarities to the others it was compared with (one statement).
        Map<Long, Double> similarities = assignment.similarities();
        double total = similarities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!similarities.isEmpty()) {
            em.createNativeQuery("""
                            update story_member m set centrality = m.centrality + s.add
                            from unnest(?1, ?2) as s(article_id, add) where m.article_id = s.article_id""")
                    .setParameter(1, similarities.keySet().toArray(Long[]::new))
                    .setParameter(2, similarities.values().toArray(Double[]::new)).executeUpdate();
        }
        em.createNativeQuery("update story_member set centrality = ?1 where article_id = ?2")
                .setParameter(1, total).setParameter(2, articleId).executeUpdate();
    }

    /** Relates a story to others, in one statement: an article has a dozen related stories. */
    private void relateAll(long storyId, Map<Long, Double> related) {
        List<Map.Entry<Long, Double>> others = related.entrySet().stream().filter(e -> e.getKey() != storyId).toList();
        if (others.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into story_relation (story_id, related_story_id, score)
                        select least(?1, o), greatest(?1, o), s from unnest(?2, ?3) as t(o, s)
                        on conflict (story_id, related_story_id) do update set score = greatest(story_relation.score, excluded.score)""")
                .setParameter(1, storyId)
                .setParameter(2, others.stream().map(Map.Entry::getKey).toArray(Long[]::new))
                .setParameter(3, others.stream().map(Map.Entry::getValue).toArray(Double[]::new))
                .executeUpdate();
    }

    private void relate(long a, long b, double score) {
        relateAll(a, Map.of(b, score));
    }

    private void moveRelations(long from, long into) {
        @SuppressWarnings("unchecked")
        List<Object[]> relations = em.createNativeQuery("""
                        select case when story_id = ?1 then related_story_id else story_id end, score
                        from story_relation where story_id = ?1 or related_story_id = ?1""")
                .setParameter(1, from).getResultList();
        em.createNativeQuery("delete from story_relation where story_id = ?1 or related_story_id = ?1")
                .setParameter(1, from).executeUpdate();
        for (Object[] relation : relations) {
            relate(into, ((Number) relation[0]).longValue(), ((Number) relation[1]).doubleValue());
        }
    }

    /** An editor changed the details of one of the story's articles (headline, outlet, date). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAfterCorrection(long storyId) {
        StoryLocks.lock(em, List.of(storyId));
        refreshSummary(storyId);
    }

    /**
     * Waits until no grouping, merge or split is under way and keeps them out until this transaction ends;
     * for an editor's change to an article, taken before its row (see {@link EditorialChanges}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdAssignmentLock() {
        lock();
    }

    /**
     * Takes the lock of the article's story, for an editor's change to the article, before its row is locked.
     * An alignment of the story holds that lock while it inserts rows referring to the article, which takes a
     * key-share lock on the article's row; a removal that deleted the row first and asked for the story's lock
     * afterwards deadlocked with it (seen in CI). The caller holds the assignment lock, so the article cannot
     * change story meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdStoryLockOf(long articleId) {
        List<?> story = em.createNativeQuery("select story_id from article where id = ?1 and story_id is not null")
                .setParameter(1, articleId).getResultList();
        if (!story.isEmpty()) {
            StoryLocks.lock(em, List.of(((Number) story.get(0)).longValue()));
        }
    }

    /**
     * An editor removed one of the story's articles: the rest is regrouped without it
     * ({@link StoryAssigner#afterRemoval}), and each part is summed up and marked for alignment. A part split
     * off is recorded as a split by the grouping and shown as related when its text is close enough.
     *
     * @param linkedToRemoved the members whose link pointed to the removed article
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAfterRemoval(long storyId, Collection<Long> linkedToRemoved) {
        StoryLocks.lock(em, List.of(storyId));
        List<StoryAssigner.Detached> parts = withAssigner(assigner -> assigner.afterRemoval(storyId, linkedToRemoved));
        Map<Long, List<Long>> changed = new LinkedHashMap<>();
        for (StoryAssigner.Detached part : parts) {
            // The removed article is gone: the events name no article, and the actor is the grouping.
            StoryEvent.record(storyId, StoryEvent.Kind.SPLIT, null, part.storyId(), StoryEvent.SYSTEM);
            StoryEvent.record(part.storyId(), StoryEvent.Kind.FOUNDED, null, storyId, StoryEvent.SYSTEM);
            if (part.closeness() >= settings.related()) {
                relate(storyId, part.storyId(), part.closeness());
            }
            alignment.dropCrossStoryLinks(part.articles());
            refreshSummary(part.storyId());
            changed.put(part.storyId(), part.articles());
        }
        refreshSummary(storyId);
        Set<Long> touched = new LinkedHashSet<>(List.of(storyId));
        touched.addAll(changed.keySet());
        alignmentQueue.enqueue(touched, changed);
    }

    /** Counts, publication range and title from the members; the title is the most central headline. */
    private void refreshSummary(long storyId) {
        em.createNativeQuery("""
                        update story s set
                            article_count = agg.articles, outlet_count = agg.outlets,
                            first_published = agg.first, last_published = agg.last, updated_at = now(),
                            title = case when s.title_locked then s.title else coalesce(agg.title, s.title) end
                        from (select count(*) as articles, count(distinct a.outlet_id) as outlets,
                                     min(a.published_at) as first, max(a.published_at) as last,
                                     (select a2.headline from article a2 left join story_member m on m.article_id = a2.id
                                      where a2.story_id = ?1
                                      order by a2.headline_derived, coalesce(m.centrality, 0) desc, a2.id limit 1) as title
                              from article a where a.story_id = ?1) agg
                        where s.id = ?1""")
                .setParameter(1, storyId).executeUpdate();
    }

    /** Stored articles not yet in a story (assignment failed or has not run yet), oldest first. */
    public List<Long> ungrouped(long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select a.id from article a where a.id > ?1
                        and not exists (select 1 from story_member m where m.article_id = a.id)
                        order by a.id limit ?2""")
                .setParameter(1, afterId).setParameter(2, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Story> find(long id) {
        return Story.<Story>findByIdOptional(id).filter(story -> story.articleCount > 0);
    }

    /** Stories with articles, most recently published first (undated ones last). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Story> page(int page, int size) {
        return Story.<Story>find("articleCount > 0 order by lastPublished desc nulls last, id desc")
                .page(page, size).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return Story.count("articleCount > 0");
    }

    /** A story's articles, oldest first (undated last). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Article> articles(long storyId) {
        return Article.list(
                "story.id = ?1 order by publishedAt asc nulls last, id", storyId);
    }

    /** Stories on the same topic about other events, closest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RelatedStory> related(long storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, r.score from story_relation r
                        join story s on s.id = case when r.story_id = ?1 then r.related_story_id else r.story_id end
                        where (r.story_id = ?1 or r.related_story_id = ?1) and s.article_count > 0
                        order by r.score desc, s.id""")
                .setParameter(1, storyId).getResultList();
        List<RelatedStory> related = new ArrayList<>();
        for (Object[] row : rows) {
            Story story = Story.findById(((Number) row[0]).longValue());
            related.add(new RelatedStory(story, ((Number) row[1]).doubleValue()));
        }
        return related;
    }

    /** A story related to another, with the similarity that relates them. */
    public record RelatedStory(Story story, double score) {
    }
}
