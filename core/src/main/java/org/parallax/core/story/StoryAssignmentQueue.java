package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * The durable list of articles still to be grouped ({@code story_assignment_queue}). An article enters it
 * inside its own storing transaction and leaves it once {@link StoryService#assign} has committed, so a
 * crash at any point leaves either a grouped article or a queued one, never a forgotten one.
 *
 * <p>Each step takes the oldest queued article and assigns it; no row lock is held meanwhile. Assignment is
 * idempotent and serialised by its own advisory lock, so two workers (replicas, or a server and an
 * {@code ingest} command) that take the same article only cost the second a no-op. Holding the queue row
 * locked across the assignment, as this class once did, made a transaction wait in Java for others that
 * waited in PostgreSQL for it (deleting an article cascades to its queue row): a cycle PostgreSQL cannot
 * see, which ran into the 60 s transaction timeout.
 */
@ApplicationScoped
public class StoryAssignmentQueue {

    /** Attempts after which an article that keeps failing to be grouped is left alone (and stays stored). */
    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(StoryAssignmentQueue.class);

    private final EntityManager em;
    private final StoryService stories;

    public StoryAssignmentQueue(EntityManager em, StoryService stories) {
        this.em = em;
        this.stories = stories;
    }

    /** Queues a newly stored article; part of the storing transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(long articleId) {
        em.createNativeQuery("insert into story_assignment_queue (article_id) values (?1) on conflict do nothing")
                .setParameter(1, articleId).executeUpdate();
    }

    /**
     * Groups the oldest queued article, if any. Nothing is claimed, so a drain never passes over an article
     * another worker is grouping: it groups it too, which is a no-op once the other has committed.
     *
     * @return the article taken, or empty when nothing is queued
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OptionalLong assignNext() {
        OptionalLong next = oldest();
        if (next.isEmpty()) {
            return next;
        }
        long articleId = next.getAsLong();
        try {
            // Committed before its queue row goes: a crash in between only repeats a no-op.
            stories.assign(articleId);
            done(articleId);
        } catch (RuntimeException e) {
            // The article stays stored and queued; after MAX_ATTEMPTS it is passed over with its error kept.
            LOG.errorf(e, "article %d: story assignment failed", articleId);
            failed(articleId, e);
        }
        return next;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    OptionalLong oldest() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select article_id from story_assignment_queue where attempts < ?1 "
                        + "order by article_id limit 1")
                .setParameter(1, MAX_ATTEMPTS).getResultList();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0).longValue());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void done(long articleId) {
        em.createNativeQuery("delete from story_assignment_queue where article_id = ?1")
                .setParameter(1, articleId).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(long articleId, RuntimeException e) {
        em.createNativeQuery("update story_assignment_queue set attempts = attempts + 1, last_error = ?2 "
                        + "where article_id = ?1")
                .setParameter(1, articleId).setParameter(2, String.valueOf(e.getMessage())).executeUpdate();
    }

    /** Articles waiting to be grouped (not counting ones given up on). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from story_assignment_queue where attempts < ?1")
                .setParameter(1, MAX_ATTEMPTS).getSingleResult()).longValue();
    }
}
