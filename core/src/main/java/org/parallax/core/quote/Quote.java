package org.parallax.core.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** Words inside quotation marks in one article, with the speaker when the text names one. */
@Entity
@Table(name = "quote")
public class Quote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public long articleId;

    /** The group of quotes across the story's articles that say the same thing. */
    @Column(name = "group_id")
    public Long groupId;

    @Column(name = "start_offset", nullable = false)
    public int start;

    @Column(name = "end_offset", nullable = false)
    public int end;

    @Column(nullable = false)
    public String text;

    public String speaker;

    @Column(nullable = false)
    public boolean nested;

    public static Quote of(long articleId, QuoteSpan span) {
        Quote quote = new Quote();
        quote.articleId = articleId;
        quote.start = span.start();
        quote.end = span.end();
        quote.text = span.text();
        quote.speaker = span.speaker();
        quote.nested = span.nested();
        return quote;
    }

    public QuoteSpan toSpan() {
        return new QuoteSpan(start, end, text, speaker, nested);
    }

    public static List<Quote> ofArticles(List<Long> articleIds) {
        return list("articleId in ?1 order by articleId, start", articleIds);
    }
}
