package org.parallax.app.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parallax.core.article.Article;

/** Read-only queries behind the article pages; entities stay inside the transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleReader {

    private static final int LEAD_CHARS = 260;

    public Optional<ArticleView> find(long id) {
        return Article.<Article>findByIdOptional(id).map(ArticleReader::view);
    }

    public Optional<OriginalDocument> original(long id) {
        return Article.<Article>findByIdOptional(id)
                .map(a -> new OriginalDocument(a.sourceDocument.content, a.sourceDocument.mediaType,
                        a.sourceDocument.charset, a.sourceDocument.origin));
    }

    /** Newest first; undated articles after dated ones. */
    public List<ArticleSummary> newest(int page, int size) {
        return Article.<Article>find("from Article a left join fetch a.outlet "
                        + "order by a.publishedAt desc nulls last, a.id desc")
                .page(page, size)
                .list()
                .stream()
                .map(a -> new ArticleSummary(a.id, a.headline, a.dek, a.outletName(), a.publishedAt, lead(a)))
                .toList();
    }

    public long count() {
        return Article.count();
    }

    private static ArticleView view(Article a) {
        List<ArticleView.Block> blocks = a.paragraphs.stream()
                .map(p -> new ArticleView.Block(p.kind.dbValue(), p.text, p.start, p.end))
                .toList();
        return new ArticleView(a.id, a.headline, a.headlineDerived, a.dek, a.byline, a.outletName(), a.publishedAt,
                a.language, a.wordCount, a.confidence, List.copyOf(a.warnings), a.sourceDocument.origin,
                a.story == null ? null : a.story.id, blocks, correctedAt(a.id));
    }

    /** When an editor last corrected the article's details; null when they are as extracted. */
    private static Instant correctedAt(long articleId) {
        return (Instant) Article.getEntityManager()
                .createNativeQuery("select max(corrected_at) from article_correction where article_id = ?1", Instant.class)
                .setParameter(1, articleId).getSingleResult();
    }

    private static String lead(Article a) {
        String body = a.body;
        int end = body.indexOf("\n\n");
        String first = end < 0 ? body : body.substring(0, end);
        if (first.length() <= LEAD_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf(' ', LEAD_CHARS);
        return first.substring(0, cut > 0 ? cut : LEAD_CHARS) + "…";
    }
}
