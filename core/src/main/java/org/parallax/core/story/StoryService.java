package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.parallax.core.alignment.AlignmentService;
import org.parallax.core.article.Article;

/**
 * Groups articles into stories as they arrive and keeps each story's counts, dates, title, history, related
 * stories and stored alignment up to date. Assignment runs in its own transaction after the article's has
 * committed (see {@link StoryAssignmentTrigger}); assignments are serialised by an advisory lock, since
 * each one reads the links the previous one wrote.
 */
@ApplicationScoped
@Transactional
public class StoryService {

    /** Key of the PostgreSQL advisory lock that serialises story assignment. */
    private static final long ASSIGNMENT_LOCK = 0x5354_4f52_5931L;

    private final EntityManager em;
    private final AlignmentService alignment;
    private final FeatureExtractor features = FeatureExtractor.english();
    private final StorySettings settings = StorySettings.defaults();

    public StoryService(EntityManager em, AlignmentService alignment) {
        this.em = em;
        this.alignment = alignment;
    }

    /** Puts a stored article into a story and realigns the stories that changed. Idempotent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Assignment> assign(long articleId) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ASSIGNMENT_LOCK).getSingleResult();
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
        Assignment assignment = em.unwrap(Session.class).doReturningWork(connection ->
                new StoryAssigner(new JdbcStoryIndex(connection), settings).assign(articleId, publishedAt, extracted));
        record(articleId, assignment);
        alignment.storeQuotes(articleId, body);
        Set<Long> touched = new LinkedHashSet<>(assignment.changed().keySet());
        touched.add(assignment.storyId());
        touched.addAll(assignment.merged());
        touched.addAll(assignment.split());
        for (long story : touched) {
            refreshSummary(story);
        }
        alignment.refresh(touched);
        return Optional.of(assignment);
    }

    /**
     * Redoes what was derived from an article's text after it got a new revision: its quotes, and every
     * passage link and pair involving it, then the story's alignment. An article not yet in a story is assigned.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void realign(long articleId) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ASSIGNMENT_LOCK).getSingleResult();
        List<?> story = em.createNativeQuery("select story_id from article where id = ?1 and story_id is not null")
                .setParameter(1, articleId).getResultList();
        if (story.isEmpty()) {
            assign(articleId);
            return;
        }
        long storyId = ((Number) story.get(0)).longValue();
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
        for (Map.Entry<Long, Double> related : assignment.related().entrySet()) {
            relate(storyId, related.getKey(), related.getValue());
        }
        // Centrality: the sum of a member's similarities to the others it was compared with.
        double total = 0;
        for (Map.Entry<Long, Double> entry : assignment.similarities().entrySet()) {
            total += entry.getValue();
            em.createNativeQuery("update story_member set centrality = centrality + ?1 where article_id = ?2")
                    .setParameter(1, entry.getValue()).setParameter(2, entry.getKey()).executeUpdate();
        }
        em.createNativeQuery("update story_member set centrality = ?1 where article_id = ?2")
                .setParameter(1, total).setParameter(2, articleId).executeUpdate();
    }

    private void relate(long a, long b, double score) {
        if (a == b) {
            return;
        }
        em.createNativeQuery("""
                        insert into story_relation (story_id, related_story_id, score) values (?1, ?2, ?3)
                        on conflict (story_id, related_story_id) do update set score = greatest(story_relation.score, excluded.score)""")
                .setParameter(1, Math.min(a, b)).setParameter(2, Math.max(a, b)).setParameter(3, score).executeUpdate();
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
