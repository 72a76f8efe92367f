package org.parallax.core.alignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A sentence that only one article of its story carries. */
@Entity
@Table(name = "unique_passage")
public class UniquePassage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "story_id", nullable = false)
    public long storyId;

    @Column(name = "article_id", nullable = false)
    public long articleId;

    @Column(name = "start_offset", nullable = false)
    public int start;

    @Column(name = "end_offset", nullable = false)
    public int end;

    public static List<UniquePassage> ofStory(long storyId) {
        return list("storyId = ?1 order by articleId, start", storyId);
    }
}
