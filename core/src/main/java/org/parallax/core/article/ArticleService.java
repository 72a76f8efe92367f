package org.parallax.core.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    /** See {@link #lookup}; built once, as it runs for every article ingested. */
    private static final String LOOKUP = """
                select (select id from article where content_hash = ?),
                       exists (select 1 from article a left join outlet o on o.id = a.outlet_id
                               where %s),
                       case when ? then current_setting('synchronous_commit')
                            else set_config('synchronous_commit', 'off', true) end,
                       (select article_id from removed_article
                        where content_hashes @> array[?]::varchar[] or url = ? limit 1)"""
            .formatted(ArticleRevisions.sameArticleAt("?", "?"));

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
        return store(raw, draft, null);
    }

    /**
     * Stores one article: written whole in the caller's transaction, or (when there is none) in its own.
     *
     * <p>A new article, the most common case in a batch ingest, costs three statements on the transaction's
     * connection, not Hibernate entities: a lookup (same body? a stored article at the same address?), the
     * near-duplicate candidates ({@link NearDuplicates}), and one insert of the raw document, the article,
     * its paragraphs, its signature and its link. Hibernate entities for each paragraph cost more JVM time
     * than extracting the article did (JFR of a Reuters ingest: 15% of all CPU), and every extra statement
     * is a round trip the single storing thread waits for.
     *
     * @param signature the body's MinHash signature when the caller has already computed it (off the storing
     *                  thread), or null to compute it here
     */
    public StoreResult store(RawDocument raw, ArticleDraft draft, Optional<MinHash.Signature> signature) {
        String body = ArticleText.body(draft.paragraphs());
        String contentHash = ArticleText.sha256(body);
        Session session = em.unwrap(Session.class);
        Lookup lookup = session.doReturningWork(connection -> lookup(connection, contentHash, draft));
        if (lookup.existingId() != null) {
            return new StoreResult(StoreResult.Status.UNCHANGED, lookup.existingId());
        }
        // An editor removed this text, or the page at this address, as not an article: it stays out.
        if (lookup.removedId() != null) {
            return new StoreResult(StoreResult.Status.REMOVED, lookup.removedId());
        }
        // A changed body at a stored article's address is a new revision of it, not a new article.
        if (lookup.atSameAddress()) {
            Optional<StoreResult> revised = revisions.revise(draft, body, contentHash,
                    () -> sourceDocument(raw, Instant.now()));
            if (revised.isPresent()) {
                return revised.get();
            }
        }
        Long outletId = draft.outlet() == null ? null : outlets.findOrCreateId(draft.outlet(), draft.outletDomain());
        Optional<MinHash.Signature> minhash = signature != null ? signature : MinHash.of(body);
        Optional<NearDuplicates.Match> match = nearDuplicates.find(minhash, draft.url(), outletId);
        long articleId = session.doReturningWork(
                connection -> insert(connection, raw, draft, body, contentHash, outletId, minhash, match));
        stored.fire(new ArticleStored(articleId));
        return match.map(m -> new StoreResult(StoreResult.Status.NEAR_DUPLICATE, articleId, m.articleId()))
                .orElseGet(() -> new StoreResult(StoreResult.Status.NEW, articleId));
    }

    /** What is stored already for a body and an address. */
    private record Lookup(Long existingId, boolean atSameAddress, Long removedId) {
    }

    /**
     * One round trip: the article with the same body, whether an article from the same outlet is stored at
     * the same address, an article with this body or address that an editor removed, and (see
     * IngestConfig#durableCommits) the commit mode of this transaction, which
     * is atomic per article either way and only stops waiting for the WAL flush.
     */
    private Lookup lookup(Connection connection, String contentHash, ArticleDraft draft) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOOKUP)) {
            query.setString(1, contentHash);
            query.setString(2, draft.url());
            query.setString(3, draft.outlet());
            query.setBoolean(4, durableCommits);
            query.setString(5, contentHash);
            query.setString(6, draft.url());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Lookup(row.getObject(1, Long.class), row.getBoolean(2), row.getObject(4, Long.class));
            }
        }
    }

    /**
     * The raw document (kept once per distinct bytes), the article, its paragraphs, signature and
     * near-duplicate link, in one statement: each part runs to completion inside it, and the foreign keys
     * between them are checked at its end, so the article is still written whole or not at all.
     */
    private static long insert(Connection connection, RawDocument raw, ArticleDraft draft, String body,
                               String contentHash, Long outletId, Optional<MinHash.Signature> signature,
                               Optional<NearDuplicates.Match> match) throws SQLException {
        List<ArticleText.Span> spans = ArticleText.layout(draft.paragraphs());
        String[] kinds = new String[spans.size()];
        String[] texts = new String[spans.size()];
        Integer[] starts = new Integer[spans.size()];
        Integer[] ends = new Integer[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            ArticleText.Span span = spans.get(i);
            kinds[i] = span.kind().dbValue();
            texts[i] = span.text();
            starts[i] = span.start();
            ends[i] = span.end();
        }
        Instant now = Instant.now();
        OffsetDateTime nowUtc = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("""
                with doc as (
                    insert into source_document (sha256, media_type, charset, origin, content, size_bytes, received_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing returning id),
                src as (
                    select id from doc union all select id from source_document where sha256 = ? limit 1),
                art as (
                    insert into article (source_document_id, outlet_id, url, headline, headline_derived, dek, byline,
                                         published_at, language, body, word_count, content_hash, confidence,
                                         warnings, ingested_at, updated_at)
                    select src.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ? from src returning id),
                par as (
                    insert into paragraph (article_id, ordinal, kind, text, start_offset, end_offset)
                    select art.id, p.ordinal - 1, p.kind, p.text, p.start_offset, p.end_offset
                    from art, unnest(?::varchar[], ?::text[], ?::integer[], ?::integer[])
                        with ordinality as p (kind, text, start_offset, end_offset, ordinal)),
                sig as (
                    insert into article_signature (article_id, minhash, lsh_bands)
                    select art.id, ?::integer[], ?::bigint[] from art where ?),
                dup as (
                    insert into duplicate_link (article_id, duplicate_of, kind, similarity)
                    select art.id, ?, ?, ? from art where ?)
                select id from art""")) {
            String sha256 = raw.sha256();
            int i = 0;
            insert.setString(++i, sha256);
            insert.setString(++i, raw.mediaType());
            insert.setString(++i, raw.charset());
            insert.setString(++i, raw.origin());
            insert.setBytes(++i, raw.content());
            insert.setInt(++i, raw.content().length);
            insert.setObject(++i, nowUtc);
            insert.setString(++i, sha256);
            insert.setObject(++i, outletId, Types.BIGINT);
            insert.setString(++i, draft.url());
            insert.setString(++i, draft.headline());
            insert.setBoolean(++i, draft.headlineDerived());
            insert.setString(++i, draft.dek());
            insert.setString(++i, draft.byline());
            insert.setObject(++i, draft.publishedAt() == null ? null : draft.publishedAt().atOffset(ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setString(++i, draft.language());
            insert.setString(++i, body);
            insert.setInt(++i, ArticleText.wordCount(body));
            insert.setString(++i, contentHash);
            insert.setFloat(++i, (float) draft.confidence());
            insert.setString(++i, json(draft.warnings()));
            insert.setObject(++i, nowUtc);
            insert.setObject(++i, nowUtc);
            insert.setArray(++i, connection.createArrayOf("varchar", kinds));
            insert.setArray(++i, connection.createArrayOf("text", texts));
            insert.setArray(++i, connection.createArrayOf("integer", starts));
            insert.setArray(++i, connection.createArrayOf("integer", ends));
            insert.setArray(++i, signature.map(s -> array(connection, "integer", s.minhashElements())).orElse(null));
            insert.setArray(++i, signature.map(s -> array(connection, "bigint", s.bandElements())).orElse(null));
            insert.setBoolean(++i, signature.isPresent());
            insert.setObject(++i, match.map(NearDuplicates.Match::articleId).orElse(null), Types.BIGINT);
            insert.setString(++i, match.map(m -> m.kind().dbValue()).orElse(null));
            insert.setObject(++i, match.map(m -> (float) m.similarity()).orElse(null), Types.REAL);
            insert.setBoolean(++i, match.isPresent());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The warnings as a JSON array of strings (they are plain one-line texts). */
    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static Array array(Connection connection, String type, Object[] values) {
        try {
            return connection.createArrayOf(type, values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    /** What a list of stored articles shows of each, in the order of {@code ids}; ids not stored are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> found = Article.<Article>list("select a from Article a left join fetch a.outlet where a.id in ?1", ids)
                .stream().collect(Collectors.toMap(a -> a.id, a -> a));
        return ids.stream().map(found::get).filter(Objects::nonNull)
                .map(a -> new ArticleSummary(a.id, a.headline, a.headlineDerived, a.outlet == null ? null : a.outlet.name,
                        a.publishedAt, a.language, a.confidence, List.copyOf(a.warnings)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return Article.count();
    }
}
