package org.parallax.core.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jboss.logging.Logger;
import org.parallax.core.alignment.AlignmentService;

/**
 * Stories whose stored alignment is behind their membership ({@code story_alignment_queue}). Grouping an
 * article marks the stories it changed, inside its own transaction, with the articles each one gained;
 * aligning a story takes its marks and writes its links, unique passages and quote groups in a transaction
 * of its own. So grouping, which must see every earlier assignment and runs one article at a time, is not
 * held up by alignment, which can run for several stories at once on other threads or replicas.
 *
 * <p>A story's alignment and any change to its membership exclude each other ({@link StoryLocks}): the
 * alignment reads a committed membership, and a change committed after it has marked the story again.
 */
@ApplicationScoped
public class StoryAlignmentQueue {

    /** Attempts after which a story that keeps failing to be aligned is left alone (its last error kept). */
    static final int MAX_ATTEMPTS = 3;
    /** Stories looked at per {@link #alignNext} when the oldest are being aligned by someone else. */
    private static final int CANDIDATES = 16;

    private static final Logger LOG = Logger.getLogger(StoryAlignmentQueue.class);

    private final EntityManager em;
    private final AlignmentService alignment;

    public StoryAlignmentQueue(EntityManager em, AlignmentService alignment) {
        this.em = em;
        this.alignment = alignment;
    }

    enum Outcome {
        ALIGNED,
        /** Someone else is aligning it (only when not waiting). */
        BUSY,
        /** Someone else aligned it between the look at the queue and the lock. */
        NOTHING_LEFT
    }

    /**
     * Marks stories whose membership this transaction changed; the caller holds their locks.
     *
     * @param gained the articles each story gained (their pairs with its members are still to be aligned)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Collection<Long> storyIds, Map<Long, List<Long>> gained) {
        List<Long> stories = new ArrayList<>(storyIds);
        List<Long> articles = new ArrayList<>(storyIds.stream().map(id -> 0L).toList());
        gained.forEach((story, ids) -> ids.forEach(article -> {
            stories.add(story);
            articles.add(article);
        }));
        em.createNativeQuery("""
                        insert into story_alignment_queue (story_id, article_id) select * from unnest(?1, ?2)
                        on conflict do nothing""")
                .setParameter(1, stories.toArray(Long[]::new)).setParameter(2, articles.toArray(Long[]::new))
                .executeUpdate();
    }

    /**
     * Aligns a story if it is marked, waiting for whoever is aligning it now. A failure is recorded on the
     * story's marks and logged, not thrown: the grouping it follows has committed, and stays.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void align(long storyId) {
        try {
            alignStory(storyId, true);
        } catch (RuntimeException e) {
            recordFailure(storyId, e);
        }
    }

    /**
     * Aligns the story marked longest ago that nobody else is aligning.
     *
     * @param waitForClaimed wait for a story another thread or replica is aligning (to see the queue empty once
     *                       this returns empty) rather than passing over it
     * @return the story taken, or empty when nothing (claimable) is marked
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OptionalLong alignNext(boolean waitForClaimed) {
        for (long storyId : candidates()) {
            try {
                if (alignStory(storyId, waitForClaimed) != Outcome.BUSY) {
                    return OptionalLong.of(storyId);
                }
            } catch (RuntimeException e) {
                recordFailure(storyId, e);
                return OptionalLong.of(storyId);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Aligns a marked story in the current transaction, which already holds the story's lock (an article
     * grouped late by a revision's realignment).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alignHeld(long storyId) {
        takeAndAlign(storyId);
    }

    /** Stories marked and not given up on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long pending() {
        return ((Number) em.createNativeQuery("""
                        select count(*) from (select story_id from story_alignment_queue group by story_id
                        having max(attempts) < ?1) s""")
                .setParameter(1, MAX_ATTEMPTS).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> candidates() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select story_id from story_alignment_queue group by story_id having max(attempts) < ?1
                        order by min(queued_at), story_id limit ?2""")
                .setParameter(1, MAX_ATTEMPTS).setParameter(2, CANDIDATES).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome alignStory(long storyId, boolean wait) {
        if (wait) {
            StoryLocks.lock(em, List.of(storyId));
        } else if (!StoryLocks.tryLock(em, storyId)) {
            return Outcome.BUSY;
        }
        StoryLocks.commitWithoutFlush(em);
        return takeAndAlign(storyId) ? Outcome.ALIGNED : Outcome.NOTHING_LEFT;
    }

    /** Under the story's lock: no one can mark it meanwhile, so what is read here is what is deleted. */
    private boolean takeAndAlign(long storyId) {
        @SuppressWarnings("unchecked")
        List<Number> marks = em.createNativeQuery("select article_id from story_alignment_queue where story_id = ?1")
                .setParameter(1, storyId).getResultList();
        if (marks.isEmpty()) {
            return false;
        }
        em.createNativeQuery("delete from story_alignment_queue where story_id = ?1")
                .setParameter(1, storyId).executeUpdate();
        Set<Long> gained = new HashSet<>();
        marks.forEach(article -> gained.add(article.longValue()));
        gained.remove(0L);
        alignment.refresh(storyId, gained);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordFailure(long storyId, RuntimeException e) {
        LOG.errorf(e, "story %d: alignment failed", storyId);
        em.createNativeQuery("update story_alignment_queue set attempts = attempts + 1, last_error = ?2 where story_id = ?1")
                .setParameter(1, storyId).setParameter(2, String.valueOf(e.getMessage())).executeUpdate();
    }
}
