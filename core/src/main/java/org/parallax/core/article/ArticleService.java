package org.parallax.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parallax.core.ingest.IngestConfig;
import org.parallax.core.ingest.MinHash;
import org.parallax.core.ingest.NearDuplicates;
import org.parallax.core.outlet.OutletService;

/**
 * Writes extracted articles. Each call is one transaction: an article is stored whole or not at all.
 * The same normalised body is the same article (nothing is written twice); a body close to a stored one
 * is written as its own article and linked to it ({@link NearDuplicates}); a changed body at the address
 * of a stored article from the same outlet is a new revision of that article ({@link ArticleRevisions}).
 */
@ApplicationScoped
@Transactional
public class ArticleService {

    private final OutletService outlets;
    private final NearDuplicates nearDuplicates;
    private final Event<ArticleStored> stored;
    private final EntityManager em;
    private final boolean durableCommits;
    private final ArticleRevisions revisions;

    public ArticleService(OutletService outlets, NearDuplicates nearDuplicates, Event<ArticleStored> stored,
                          EntityManager em, IngestConfig config, ArticleRevisions revisions) {
        this.revisions = revisions;
        this.outlets = outlets;
        this.nearDuplicates = nearDuplicates;
        this.stored = stored;
        this.em = em;
        this.durableCommits = config.durableCommits();
    }

    public StoreResult store(RawDocument raw, ArticleDraft draft) {
        String body = ArticleText.body(draft.paragraphs());
        String contentHash = ArticleText.sha256(body);
        Optional<Long> existing = Article.find("select id from Article where contentHash = ?1", contentHash)
                .project(Long.class).firstResultOptional();
        if (existing.isPresent()) {
            return new StoreResult(StoreResult.Status.UNCHANGED, existing.get());
        }
        if (!durableCommits) {
            // See IngestConfig#durableCommits: atomic per article, without waiting for the WAL flush.
            em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
        }
        // A changed body at a stored article's address is a new revision of it, not a new article.
        Optional<StoreResult> revised = revisions.revise(draft, body, contentHash,
                () -> sourceDocument(raw, Instant.now()));
        if (revised.isPresent()) {
            return revised.get();
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
        article.addParagraphs(draft.paragraphs());
        Optional<MinHash.Signature> signature = MinHash.of(body);
        Optional<NearDuplicates.Match> match = nearDuplicates.find(signature, draft.url(),
                article.outlet == null ? null : article.outlet.id);
        article.persist();
        nearDuplicates.record(article.id, signature, match);
        stored.fire(new ArticleStored(article.id));
        return match.map(m -> new StoreResult(StoreResult.Status.NEAR_DUPLICATE, article.id, m.articleId()))
                .orElseGet(() -> new StoreResult(StoreResult.Status.NEW, article.id));
    }

    /** The stored raw document with these bytes, inserted first if new: one round trip either way when new. */
    private SourceDocument sourceDocument(RawDocument raw, Instant now) {
        String sha256 = raw.sha256();
        List<?> inserted = em.createNativeQuery("""
                        insert into source_document (sha256, media_type, charset, origin, content, size_bytes, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (sha256) do nothing returning id""")
                .setParameter(1, sha256)
                .setParameter(2, raw.mediaType())
                .setParameter(3, raw.charset())
                .setParameter(4, raw.origin())
                .setParameter(5, raw.content())
                .setParameter(6, raw.content().length)
                .setParameter(7, now)
                .getResultList();
        if (!inserted.isEmpty()) {
            return em.getReference(SourceDocument.class, ((Number) inserted.get(0)).longValue());
        }
        return SourceDocument.findBySha256(sha256).orElseThrow();
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
