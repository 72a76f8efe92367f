package org.parallax.core.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** The raw bytes exactly as received, so extraction can be re-run and the original shown. */
@Entity
@Table(name = "source_document")
public class SourceDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    public String charset;

    /** Where it came from: a file path, a URL, a WARC record's target URI. */
    @Column(nullable = false)
    public String origin;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Optional<SourceDocument> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /** How many of these raw documents are stored and have produced an article. */
    public static long countExtracted(Collection<String> sha256s) {
        return Article.find("select count(distinct a.sourceDocument.sha256) from Article a "
                        + "where a.sourceDocument.sha256 in ?1", sha256s)
                .project(Long.class).firstResult();
    }
}
