package org.parallax.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Loads Reuters-21578 into a Parallax database as stored, ungrouped articles, with plain batched inserts:
 * the benchmark database for story assignment through PostgreSQL, built in a minute instead of a full
 * ingest (triggers are off for the load, so search suggestions are not collected). Every article, story and
 * alignment row in that database is deleted first. The database must have
 * been migrated (start Parallax on it once). Grouping is then done by {@code parallax group}.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am verify -DskipTests -Pbench -Dbench.main=org.parallax.bench.ReutersLoader
 * -Dbench.args=jdbc:postgresql://localhost:5432/parallax_bench_stories}
 */
public final class ReutersLoader {

    private static final int BATCH = 500;

    private ReutersLoader() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://localhost:5432/parallax_bench_stories";
        List<Corpus.Doc> docs = Reuters.read(Corpus.data("reuters21578"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                // Without triggers: the search-suggestion words (V30) are no part of story assignment, and
                // collecting them row by row made loading take most of an hour on the shared machine.
                statement.execute("set session_replication_role = replica");
                statement.execute("truncate article, source_document, story, story_feature, story_posting, "
                        + "story_member, aligned_pair, quote cascade");
                statement.execute("insert into outlet (name) values ('Reuters') on conflict (name) do nothing");
            }
            long outlet;
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("select id from outlet where name = 'Reuters'")) {
                rows.next();
                outlet = rows.getLong(1);
            }
            try (PreparedStatement source = db.prepareStatement("""
                    insert into source_document (id, sha256, media_type, charset, origin, content, size_bytes)
                    values (?, ?, 'application/sgml', 'ISO-8859-1', ?, ?, ?)""");
                    PreparedStatement article = db.prepareStatement("""
                    insert into article (id, source_document_id, outlet_id, headline, headline_derived, published_at,
                        language, body, word_count, content_hash, confidence)
                    values (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, 0.9)""")) {
                int pending = 0;
                for (Corpus.Doc doc : docs) {
                    byte[] bytes = doc.body().getBytes(StandardCharsets.UTF_8);
                    String hash = sha256(doc.id() + "\n" + doc.body());
                    source.setLong(1, doc.id());
                    source.setString(2, hash);
                    source.setString(3, "reuters21578#" + doc.id());
                    source.setBytes(4, bytes);
                    source.setInt(5, bytes.length);
                    source.addBatch();
                    boolean brief = doc.title().isBlank();
                    article.setLong(1, doc.id());
                    article.setLong(2, doc.id());
                    article.setLong(3, outlet);
                    article.setString(4, brief ? doc.body().lines().findFirst().orElse("") : doc.title());
                    article.setBoolean(5, brief);
                    article.setTimestamp(6, doc.date() == null ? null : Timestamp.from(doc.date()));
                    article.setString(7, doc.body());
                    article.setInt(8, doc.body().split("\\s+").length);
                    article.setString(9, hash);
                    article.addBatch();
                    if (++pending == BATCH) {
                        source.executeBatch();
                        article.executeBatch();
                        pending = 0;
                        if (doc.id() % 5000 == 0) {
                            System.out.printf("%d articles loaded%n", doc.id());
                        }
                    }
                }
                source.executeBatch();
                article.executeBatch();
            }
            try (Statement statement = db.createStatement()) {
                statement.execute("select setval(pg_get_serial_sequence('source_document', 'id'), (select max(id) from source_document))");
                statement.execute("select setval(pg_get_serial_sequence('article', 'id'), (select max(id) from article))");
                statement.execute("analyze");
            }
            db.commit();
        }
        System.out.printf(Locale.ROOT, "Loaded %d Reuters-21578 articles in %.1f s%n", docs.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
