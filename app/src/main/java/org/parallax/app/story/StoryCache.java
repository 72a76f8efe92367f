package org.parallax.app.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots of recently viewed stories, correct across replicas. While {@link StoryChanges} is listening,
 * a kept snapshot is served as it is: any change to the story, made by any replica, evicts it the moment
 * the change commits. Otherwise each lookup first reads the story's version (one small query), and a
 * changed story is read again.
 */
@ApplicationScoped
public class StoryCache {

    private static final int CAPACITY = 256;

    private final StoryStore store;
    private final StoryChanges changes;
    private final Map<Long, StoryData> snapshots = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StoryData> eldest) {
            return size() > CAPACITY;
        }
    };

    public StoryCache(StoryStore store, StoryChanges changes) {
        this.store = store;
        this.changes = changes;
        changes.subscribe(this::evict, this::clear);
    }

    public Optional<StoryData> get(long storyId) {
        // Read before anything else: a change notified after this point keeps the snapshot about to be read
        // from being kept.
        long generation = changes.generation();
        boolean trusted = changes.listening();
        StoryData cached;
        synchronized (snapshots) {
            cached = snapshots.get(storyId);
        }
        if (cached != null && trusted) {
            return Optional.of(cached);
        }
        if (cached != null) {
            Optional<StoryData.StoryVersion> current = store.version(storyId);
            if (current.isEmpty()) {
                evict(storyId);
                return Optional.empty();
            }
            if (cached.version().equals(current.get())) {
                return Optional.of(cached);
            }
        }
        Optional<StoryData> loaded = store.load(storyId);
        loaded.ifPresent(data -> {
            synchronized (snapshots) {
                if (changes.generation() == generation) {
                    snapshots.put(storyId, data);
                }
            }
        });
        return loaded;
    }

    void evict(long storyId) {
        synchronized (snapshots) {
            snapshots.remove(storyId);
        }
    }

    void clear() {
        synchronized (snapshots) {
            snapshots.clear();
        }
    }
}
