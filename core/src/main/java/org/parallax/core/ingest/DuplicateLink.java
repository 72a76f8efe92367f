package org.parallax.core.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A stored article that closely resembles an earlier one. Both stay as their own rows (their texts differ,
 * and annotations point into each); the link lets coverage counts leave the near-duplicate out.
 */
@Entity
@Table(name = "duplicate_link")
public class DuplicateLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The newer article. */
    @Column(name = "article_id", nullable = false)
    public long articleId;

    /** The stored article it resembles most. */
    @Column(name = "duplicate_of", nullable = false)
    public long duplicateOf;

    @Convert(converter = DuplicateKindConverter.class)
    @Column(nullable = false, length = 16)
    public DuplicateKind kind;

    /** Estimated Jaccard similarity of the two bodies' word 5-shingles. */
    @Column(nullable = false)
    public float similarity;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    /** Links in which the article is the newer side. */
    public static List<DuplicateLink> ofArticle(long articleId) {
        return list("articleId", articleId);
    }

    /** Near-duplicates of the article found later. */
    public static List<DuplicateLink> duplicatesOf(long articleId) {
        return list("duplicateOf", articleId);
    }
}
