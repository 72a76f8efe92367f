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
 * <p>Each step claims the oldest queued article with a row lock held while it is assigned: several
 * replicas (or a server and an {@code ingest} command) can drain the same queue without doing the same
 * article twice. {@link StoryService#assign} is idempotent and serialised by its own advisory lock, so even
 * a claim lost to a crash between the assignment and the delete only costs a no-op on the next attempt.
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
     * Groups the oldest queued article, if any.
     *
     * @param waitForClaimed wait for an article another worker is assigning (to see the queue empty once it
     *                       returns empty) rather than passing over it
     * @return the article taken, or empty when nothing (claimable) is queued
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OptionalLong assignNext(boolean waitForClaimed) {
        @SuppressWarnings("unchecked")
        List<Number> claimed = em.createNativeQuery("select article_id from story_assignment_queue where attempts < ?1 "
                        + "order by article_id limit 1 for update" + (waitForClaimed ? "" : " skip locked"))
                .setParameter(1, MAX_ATTEMPTS).getResultList();
        if (claimed.isEmpty()) {
            return OptionalLong.empty();
        }
        long articleId = claimed.get(0).longValue();
        try {
            // Its own transaction: the article is grouped (and committed) before its queue row goes.
            stories.assign(articleId);
            em.createNativeQuery("delete from story_assignment_queue where article_id = ?1")
                    .setParameter(1, articleId).executeUpdate();
        } catch (RuntimeException e) {
            // The article stays stored and queued; after MAX_ATTEMPTS it is passed over with its error kept.
            LOG.errorf(e, "article %d: story assignment failed", articleId);
            em.createNativeQuery("update story_assignment_queue set attempts = attempts + 1, last_error = ?2 "
                            + "where article_id = ?1")
                    .setParameter(1, articleId).setParameter(2, String.valueOf(e.getMessage())).executeUpdate();
        }
        return OptionalLong.of(articleId);
    }

    /** Articles waiting to be grouped (not counting ones given up on). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from story_assignment_queue where attempts < ?1")
                .setParameter(1, MAX_ATTEMPTS).getSingleResult()).longValue();
    }
}
