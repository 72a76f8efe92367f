package org.parallax.core.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One block of an article's body. {@code start}/{@code end} are character offsets into
 * {@link Article#body} (end exclusive): annotations and alignments point at them.
 */
@Entity
@Table(name = "paragraph")
public class Paragraph extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "paragraph_seq", sequenceName = "paragraph_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "paragraph_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false, length = 16)
    public ParagraphKind kind;

    @Column(nullable = false)
    public String text;

    @Column(name = "start_offset", nullable = false)
    public int start;

    @Column(name = "end_offset", nullable = false)
    public int end;
}
