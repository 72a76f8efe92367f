package org.parallax.core.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Coverage of one event: the articles of several outlets about it. Membership lives in
 * {@code article.story_id}; counts, dates and the title are kept up to date as articles arrive.
 */
@Entity
@Table(name = "story")
public class Story extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    @Column(name = "first_published")
    public Instant firstPublished;

    @Column(name = "last_published")
    public Instant lastPublished;

    @Column(name = "article_count", nullable = false)
    public int articleCount;

    @Column(name = "outlet_count", nullable = false)
    public int outletCount;

    /** Set when this story's articles were merged into another one; the story is then empty. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** An editor chose the title: the automatic one (most central headline) no longer replaces it. */
    @Column(name = "title_locked", nullable = false)
    public boolean titleLocked;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
