package org.parallax.core.story;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Per-story transaction-scoped advisory locks. A change to a story's membership and the alignment of that
 * story exclude each other, so an alignment reads a committed membership and cannot write links for an
 * article that has meanwhile left the story. Whoever changes membership holds the assignment lock first and
 * takes story locks in ascending order; an alignment holds only the lock of the story it aligns. So no two
 * transactions can wait for each other's story locks.
 */
final class StoryLocks {

    /** First key of the two-key form: 'STOR'. The assignment lock uses the one-key form, a separate space. */
    private static final int STORY = 0x53544f52;

    /**
     * Plans the rest of the transaction's statements for their actual arguments, taken with its first lock.
     * The lookups of a story's rows ({@code article_id = any(?)}, {@code story_id = ? or article_id = any(?)})
     * are prepared statements; after five runs PostgreSQL may switch to a generic plan, a sequential scan of
     * tables that grow with the corpus: grouping Reuters spent most of its database time in such scans. A
     * custom plan costs a fraction of a millisecond of planning.
     */
    static final String CUSTOM_PLANS = "set_config('plan_cache_mode', 'force_custom_plan', true)";

    private StoryLocks() {
    }

    /** Waits for the locks of these stories, lowest id first. */
    static void lock(EntityManager em, Collection<Long> storyIds) {
        for (long storyId : new TreeSet<>(storyIds)) {
            em.createNativeQuery("select pg_advisory_xact_lock(?1, ?2), " + CUSTOM_PLANS)
                    .setParameter(1, STORY).setParameter(2, key(storyId)).getResultList();
        }
    }

    /** The story's lock if no other transaction holds it. */
    static boolean tryLock(EntityManager em, long storyId) {
        Object[] row = (Object[]) em.createNativeQuery("select pg_try_advisory_xact_lock(?1, ?2), " + CUSTOM_PLANS)
                .setParameter(1, STORY).setParameter(2, key(storyId)).getSingleResult();
        return (Boolean) row[0];
    }

    /** Story ids beyond the int range share keys: that only makes two stories wait for each other. */
    private static int key(long storyId) {
        return (int) (storyId % Integer.MAX_VALUE);
    }

    /**
     * Lets the current transaction commit without waiting for its WAL flush (about 0.6 ms here, and grouping
     * commits twice per article). Only for grouping and alignment, which are derived data: the WAL is written
     * in order, so a crash loses only the last few such commits, whole, and never one that a later durable
     * commit depends on; and what is lost is redone (an ungrouped article is still in the assignment queue,
     * whose row goes in a synchronous commit that flushes this one first, or is found by {@code parallax
     * group}; a story whose alignment was lost is still marked). Never for an editor's merge or split.
     */
    static void commitWithoutFlush(EntityManager em) {
        em.createNativeQuery("select set_config('synchronous_commit', 'off', true)").getResultList();
    }
}
