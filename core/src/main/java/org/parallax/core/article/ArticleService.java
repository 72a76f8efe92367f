package org.parallax.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parallax.core.outlet.OutletService;

/** Writes extracted articles. Each call is one transaction: an article is stored whole or not at all. */
@ApplicationScoped
@Transactional
public class ArticleService {

    private final OutletService outlets;
    private final Event<ArticleStored> stored;

    public ArticleService(OutletService outlets, Event<ArticleStored> stored) {
        this.outlets = outlets;
        this.stored = stored;
    }

    public StoreResult store(RawDocument raw, ArticleDraft draft) {
        String body = ArticleText.body(draft.paragraphs());
        String contentHash = ArticleText.sha256(body);
        Optional<Article> existing = Article.findByContentHash(contentHash);
        if (existing.isPresent()) {
            return new StoreResult(StoreResult.Status.UNCHANGED, existing.get().id);
        }
        Instant now = Instant.now();
        Article article = new Article();
        article.sourceDocument = sourceDocument(raw, now);
        article.outlet = draft.outlet() == null ? null : outlets.findOrCreate(draft.outlet(), draft.outletDomain());
        article.url = draft.url();
        article.headline = draft.headline();
        article.headlineDerived = draft.headlineDerived();
        article.dek = draft.dek();
        article.byline = draft.byline();
        article.publishedAt = draft.publishedAt();
        article.language = draft.language();
        article.body = body;
        article.wordCount = ArticleText.wordCount(body);
        article.contentHash = contentHash;
        article.confidence = (float) draft.confidence();
        article.warnings = new ArrayList<>(draft.warnings());
        article.ingestedAt = now;
        article.updatedAt = now;
        List<ArticleText.Span> spans = ArticleText.layout(draft.paragraphs());
        for (int i = 0; i < spans.size(); i++) {
            ArticleText.Span span = spans.get(i);
            Paragraph paragraph = new Paragraph();
            paragraph.article = article;
            paragraph.ordinal = i;
            paragraph.kind = span.kind();
            paragraph.text = span.text();
            paragraph.start = span.start();
            paragraph.end = span.end();
            article.paragraphs.add(paragraph);
        }
        article.persist();
        stored.fire(new ArticleStored(article.id));
        return new StoreResult(StoreResult.Status.NEW, article.id);
    }

    private SourceDocument sourceDocument(RawDocument raw, Instant now) {
        String sha256 = raw.sha256();
        return SourceDocument.findBySha256(sha256).orElseGet(() -> {
            SourceDocument document = new SourceDocument();
            document.sha256 = sha256;
            document.mediaType = raw.mediaType();
            document.charset = raw.charset();
            document.origin = raw.origin();
            document.content = raw.content();
            document.sizeBytes = raw.content().length;
            document.receivedAt = now;
            document.persist();
            return document;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> findById(long id) {
        return Article.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return Article.count();
    }
}
