package org.parallax.core.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * Finds the stored article a new one nearly duplicates, and records the new one's signature. Runs inside
 * the storing transaction. Lookups go through the URL index and the GIN index on signature bands, so their
 * cost does not grow with the number of stored articles.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NearDuplicates {

    /** Estimated Jaccard similarity from which two different bodies count as the same story. */
    public static final double THRESHOLD = 0.6;
    /** Bound on candidates compared per article, against pathological inputs where everything looks alike. */
    private static final int MAX_CANDIDATES = 100;

    private final EntityManager em;

    public NearDuplicates(EntityManager em) {
        this.em = em;
    }

    /** The stored article the new one resembles, if any. */
    public record Match(long articleId, DuplicateKind kind, double similarity) {
    }

    /**
     * @param signature the new body's signature, empty when the body is too short to compare
     * @param url the new article's URL, or null
     * @param outletId the new article's outlet, or null when unknown
     */
    public Optional<Match> find(Optional<MinHash.Signature> signature, String url, Long outletId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            if (url != null) {
                Optional<Match> sameUrl = sameUrl(connection, url, signature);
                if (sameUrl.isPresent()) {
                    return sameUrl;
                }
            }
            return signature.isEmpty() ? Optional.empty() : similar(connection, signature.get(), outletId);
        });
    }

    /** Stores the new article's signature and, when it has one, its link. */
    public void record(long articleId, Optional<MinHash.Signature> signature, Optional<Match> match) {
        em.unwrap(Session.class).doWork(connection -> {
            if (signature.isPresent()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into article_signature (article_id, minhash, lsh_bands) values (?, ?, ?)")) {
                    insert.setLong(1, articleId);
                    insert.setArray(2, connection.createArrayOf("integer", signature.get().minhashElements()));
                    insert.setArray(3, connection.createArrayOf("bigint", signature.get().bandElements()));
                    insert.executeUpdate();
                }
            }
            if (match.isPresent()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into duplicate_link (article_id, duplicate_of, kind, similarity) values (?, ?, ?, ?)")) {
                    insert.setLong(1, articleId);
                    insert.setLong(2, match.get().articleId());
                    insert.setString(3, match.get().kind().dbValue());
                    insert.setFloat(4, (float) match.get().similarity());
                    insert.executeUpdate();
                }
            }
        });
    }

    private static Optional<Match> sameUrl(Connection connection, String url, Optional<MinHash.Signature> signature)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select a.id, s.minhash from article a left join article_signature s on s.article_id = a.id
                where a.url = ? order by a.id desc limit 1""")) {
            query.setString(1, url);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                int[] stored = ints(rows.getArray(2));
                double similarity = stored != null && signature.isPresent() ? signature.get().similarity(stored) : 0;
                return Optional.of(new Match(rows.getLong(1), DuplicateKind.UPDATED_VERSION, similarity));
            }
        }
    }

    private static Optional<Match> similar(Connection connection, MinHash.Signature signature, Long outletId)
            throws SQLException {
        long bestId = 0;
        double bestSimilarity = 0;
        // Signatures only: joining article here makes the planner scan it whole for every lookup. And no
        // sequential scan at all: with a LIMIT, or on a generic plan made while the table was small, the
        // planner prefers reading every signature to the GIN index (measured during a Reuters ingest: 124
        // million rows read for 16,000 lookups, 10 ms and rising each). The three statements go in one round
        // trip; the bound on candidates is the row limit, not a LIMIT the planner would see.
        try (PreparedStatement query = connection.prepareStatement("""
                select set_config('enable_seqscan', 'off', true);
                select article_id, minhash from article_signature where lsh_bands && ?;
                select set_config('enable_seqscan', 'on', true)""")) {
            query.unwrap(PGStatement.class).setPrepareThreshold(0);
            query.setArray(1, connection.createArrayOf("bigint", signature.bandElements()));
            query.setMaxRows(MAX_CANDIDATES);
            query.execute();
            query.getMoreResults();
            try (ResultSet rows = query.getResultSet()) {
                while (rows.next()) {
                    double similarity = signature.similarity(ints(rows.getArray(2)));
                    if (similarity >= THRESHOLD && similarity > bestSimilarity) {
                        bestId = rows.getLong(1);
                        bestSimilarity = similarity;
                    }
                }
            }
        }
        if (bestSimilarity == 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(bestId, sameOutlet(connection, bestId, outletId)
                ? DuplicateKind.UPDATED_VERSION : DuplicateKind.SYNDICATED, bestSimilarity));
    }

    private static boolean sameOutlet(Connection connection, long articleId, Long outletId) throws SQLException {
        if (outletId == null) {
            return false;
        }
        try (PreparedStatement query = connection.prepareStatement("select outlet_id from article where id = ?")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && Objects.equals(outletId, rows.getObject(1, Long.class));
            }
        }
    }

    private static int[] ints(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = ((Number) values[i]).intValue();
        }
        return ints;
    }
}
