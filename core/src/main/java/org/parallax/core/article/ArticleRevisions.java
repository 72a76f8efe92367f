package org.parallax.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.parallax.core.ingest.MinHash;
import org.parallax.core.ingest.NearDuplicates;

/**
 * Revision semantics for re-ingest: a new body at the URL of a stored article from the same outlet (or whose outlet
 * an editor corrected; the editors' corrections outlast revisions, {@link ArticleCorrections}) is the
 * same article, changed. The article is updated in place (so its annotations, story and links stay attached),
 * the body it replaces is kept in {@code article_revision}, and {@link ArticleRevised} lets annotations
 * re-anchor inside this transaction. An old revision read again is recognised and changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ArticleRevisions {

    private final EntityManager em;
    private final NearDuplicates nearDuplicates;
    private final Event<ArticleRevised> revised;
    private final ArticleCorrections corrections;

    public ArticleRevisions(EntityManager em, NearDuplicates nearDuplicates, Event<ArticleRevised> revised,
                            ArticleCorrections corrections) {
        this.em = em;
        this.corrections = corrections;
        this.nearDuplicates = nearDuplicates;
        this.revised = revised;
    }

    /**
     * The condition on {@code article a left join outlet o} for the stored article a draft at this address from
     * this outlet revises. An outlet an editor corrected no longer matches what extraction says, so any outlet
     * goes for those. The parameters are the placeholders for the address and the extracted outlet name.
     */
    static String sameArticleAt(String url, String outlet) {
        return "a.url = " + url + " and (o.name is not distinct from " + outlet
                + " or exists (select 1 from article_correction c where c.article_id = a.id and c.field = 'outlet'))";
    }

    /**
     * Stores the draft as a new revision of the article at its address, if there is one.
     *
     * @param source the raw document's row, written on demand
     * @return empty when the draft is not a revision of a stored article
     */
    public Optional<StoreResult> revise(ArticleDraft draft, String body, String contentHash,
                                        Supplier<SourceDocument> source) {
        if (draft.url() == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select a.id from article a left join outlet o on o.id = a.outlet_id
                        where\s""" + sameArticleAt("?1", "?2") + " order by a.id desc limit 1")
                .setParameter(1, draft.url()).setParameter(2, draft.outlet()).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long articleId = ids.get(0).longValue();
        boolean seenBefore = ((Number) em.createNativeQuery(
                        "select count(*) from article_revision where article_id = ?1 and content_hash = ?2")
                .setParameter(1, articleId).setParameter(2, contentHash).getSingleResult()).longValue() > 0;
        if (seenBefore) {
            // An older revision read again (a re-run over an old crawl): the newer text stays.
            return Optional.of(new StoreResult(StoreResult.Status.UNCHANGED, articleId));
        }
        Article article = em.find(Article.class, articleId);
        int revision = keepCurrent(article);
        Instant now = Instant.now();
        article.sourceDocument = source.get();
        article.headline = draft.headline();
        article.headlineDerived = draft.headlineDerived();
        article.dek = draft.dek();
        article.byline = draft.byline();
        if (draft.publishedAt() != null) {
            article.publishedAt = draft.publishedAt();
        }
        article.language = draft.language();
        article.body = body;
        article.wordCount = ArticleText.wordCount(body);
        article.contentHash = contentHash;
        article.confidence = (float) draft.confidence();
        article.warnings = new ArrayList<>(draft.warnings());
        corrections.keepCorrections(article);
        article.updatedAt = now;
        replaceParagraphs(article, draft);
        em.createNativeQuery("delete from article_signature where article_id = ?1").setParameter(1, articleId)
                .executeUpdate();
        nearDuplicates.record(articleId, MinHash.of(body), Optional.empty());
        em.flush();
        revised.fire(new ArticleRevised(articleId, revision, body));
        return Optional.of(new StoreResult(StoreResult.Status.REVISED, articleId));
    }

    /** Copies the current text into article_revision; returns the number the new text gets. */
    private int keepCurrent(Article article) {
        int previous = ((Number) em.createNativeQuery(
                        "select coalesce(max(revision), 0) from article_revision where article_id = ?1")
                .setParameter(1, article.id).getSingleResult()).intValue();
        int current = previous + 1;
        em.createNativeQuery("""
                        insert into article_revision (article_id, revision, source_document_id, headline, dek, body, content_hash)
                        select id, ?2, source_document_id, headline, dek, body, content_hash from article where id = ?1""")
                .setParameter(1, article.id).setParameter(2, current).executeUpdate();
        return current + 1;
    }

    private void replaceParagraphs(Article article, ArticleDraft draft) {
        article.paragraphs.clear();
        // Deletes must reach the database before the inserts: (article_id, ordinal) is unique.
        em.flush();
        article.addParagraphs(draft.paragraphs());
    }

    /** Earlier texts of an article, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Revision> history(long articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select revision, headline, replaced_at from article_revision where article_id = ?1
                        order by revision desc""")
                .setParameter(1, articleId).getResultList();
        List<Revision> revisions = new ArrayList<>();
        for (Object[] row : rows) {
            revisions.add(new Revision(((Number) row[0]).intValue(), (String) row[1], (Instant) row[2]));
        }
        return revisions;
    }

    /** One replaced text of an article. */
    public record Revision(int number, String headline, Instant replacedAt) {
    }
}
