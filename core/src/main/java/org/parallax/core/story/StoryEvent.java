package org.parallax.core.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One change to a story, by the system as articles arrive or by an editor: the story's history. */
@Entity
@Table(name = "story_event")
public class StoryEvent extends PanacheEntityBase {

    public enum Kind {
        FOUNDED, JOINED, MERGED, SPLIT, RETITLED;

        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "story_id", nullable = false)
    public long storyId;

    /** Stored lower-case, see {@link Kind#dbValue()}. */
    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "other_story_id")
    public Long otherStoryId;

    @Column(nullable = false)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static StoryEvent record(long storyId, Kind kind, Long articleId, Long otherStoryId, String actor) {
        StoryEvent event = new StoryEvent();
        event.storyId = storyId;
        event.kind = kind.dbValue();
        event.articleId = articleId;
        event.otherStoryId = otherStoryId;
        event.actor = actor;
        event.createdAt = Instant.now();
        event.persist();
        return event;
    }

    public static List<StoryEvent> history(long storyId) {
        return list("storyId = ?1 order by createdAt, id", storyId);
    }
}
