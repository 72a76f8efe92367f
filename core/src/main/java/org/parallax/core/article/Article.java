package org.parallax.core.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.parallax.core.outlet.Outlet;
import org.parallax.core.story.Story;

/**
 * A normalised article. {@link #body} is the paragraphs' text joined by blank lines; paragraph offsets,
 * annotations and alignments all point into it, so it only changes through a re-ingest.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_document_id")
    public SourceDocument sourceDocument;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "outlet_id")
    public Outlet outlet;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "story_id")
    public Story story;

    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    @Column(nullable = false)
    public String headline;

    /** True when the source had no headline and this one was derived from the lead. */
    @Column(name = "headline_derived", nullable = false)
    public boolean headlineDerived;

    public String dek;

    public String byline;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** ISO 639-1 code, or null when it could not be detected. */
    @Column(length = 8)
    public String language;

    @Column(nullable = false)
    public String body;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(nullable = false)
    public float confidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> warnings = new ArrayList<>();

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    public List<Paragraph> paragraphs = new ArrayList<>();

    public static Optional<Article> findByContentHash(String contentHash) {
        return find("contentHash", contentHash).firstResultOptional();
    }

    public String outletName() {
        return outlet == null ? null : outlet.name;
    }

    /** Appends the paragraphs laid out over the body: ordinals and offsets follow the body's blank-line joins. */
    public void addParagraphs(List<ArticleDraft.Block> blocks) {
        List<ArticleText.Span> spans = ArticleText.layout(blocks);
        for (int i = 0; i < spans.size(); i++) {
            ArticleText.Span span = spans.get(i);
            Paragraph paragraph = new Paragraph();
            paragraph.article = this;
            paragraph.ordinal = i;
            paragraph.kind = span.kind();
            paragraph.text = span.text();
            paragraph.start = span.start();
            paragraph.end = span.end();
            paragraphs.add(paragraph);
        }
    }
}
