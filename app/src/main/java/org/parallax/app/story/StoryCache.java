package org.parallax.app.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots of recently viewed stories. Every lookup first reads the story's version from the database (one
 * small query), so a replica never serves a story older than what another replica has ingested: a changed
 * story has a new version and is read again.
 */
@ApplicationScoped
public class StoryCache {

    private static final int CAPACITY = 256;

    private final StoryStore store;
    private final Map<Long, StoryData> snapshots = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StoryData> eldest) {
            return size() > CAPACITY;
        }
    };

    public StoryCache(StoryStore store) {
        this.store = store;
    }

    public Optional<StoryData> get(long storyId) {
        Optional<StoryData.StoryVersion> current = store.version(storyId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        synchronized (snapshots) {
            StoryData cached = snapshots.get(storyId);
            if (cached != null && cached.version().equals(current.get())) {
                return Optional.of(cached);
            }
        }
        Optional<StoryData> loaded = store.load(storyId);
        loaded.ifPresent(data -> {
            synchronized (snapshots) {
                snapshots.put(storyId, data);
            }
        });
        return loaded;
    }
}
