package org.parallax.core.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Coverage of one event: the articles of several outlets about it. */
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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
