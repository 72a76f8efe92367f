package org.parallax.core.story;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link StoryIndex} in PostgreSQL ({@code story_feature}, {@code story_posting}, {@code story_member},
 * {@code article.story_id}). Candidate lookup is one indexed query over the postings of the new article's
 * strongest features. Works on the connection of the caller's transaction.
 */
final class JdbcStoryIndex implements StoryIndex {

    /** The row of {@code story_feature} that counts the articles indexed (feature keys have a prefix and a colon). */
    static final String ARTICLES = "#articles";

    private final Connection connection;

    JdbcStoryIndex(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int articleCount() {
        // A counter row rather than count(*): counting story_member would read the whole table per article.
        return query("select document_count from story_feature where feature = '" + ARTICLES + "'", ps -> {
        }, rs -> rs.next() ? rs.getInt(1) : 0);
    }

    @Override
    public Map<String, Integer> documentFrequencies(Collection<String> features) {
        return query("select feature, document_count from story_feature where feature = any(?)",
                ps -> ps.setArray(1, texts(features)), rs -> {
                    Map<String, Integer> result = new HashMap<>();
                    while (rs.next()) {
                        result.put(rs.getString(1), rs.getInt(2));
                    }
                    return result;
                });
    }

    @Override
    public List<Neighbour> neighbours(Map<String, Double> query, Collection<String> quoteShingles, int limit) {
        // The join with q alone let the planner, which takes unnest() for 10 rows, hash-join q against a
        // sequential scan of all of story_posting (49 ms at 1,200 articles, growing with the corpus). The
        // explicit "feature = any" makes it look the postings up in the index.
        String sql = """
                with q(feature, weight) as (select * from unnest(?::text[], ?::real[])),
                hits as (
                    select p.article_id, sum(p.weight * q.weight) as dot, 0 as quotes
                    from story_posting p join q using (feature) where p.feature = any(?::text[]) group by p.article_id
                    union all
                    select p.article_id, 0, count(*) from story_posting p
                    where p.feature = any(?::text[]) group by p.article_id),
                best as (
                    select article_id, sum(dot) as dot, sum(quotes)::int as quotes from hits
                    group by article_id order by sum(dot) + 0.05 * sum(quotes) desc limit ?)
                select b.article_id, a.story_id, a.published_at, b.dot, b.quotes, m.linked_to, m.link_similarity
                from best b join article a on a.id = b.article_id join story_member m on m.article_id = b.article_id
                order by b.dot desc""";
        return query(sql, ps -> {
            ps.setArray(1, texts(query.keySet()));
            ps.setArray(2, reals(query.values()));
            ps.setArray(3, texts(query.keySet()));
            ps.setArray(4, texts(quoteShingles));
            ps.setInt(5, limit);
        }, rs -> {
            List<Neighbour> result = new ArrayList<>();
            while (rs.next()) {
                Timestamp published = rs.getTimestamp(3);
                long linked = rs.getLong(6);
                Long linkedTo = nullable(rs, linked);
                result.add(new Neighbour(rs.getLong(1), rs.getLong(2), published == null ? null : published.toInstant(),
                        rs.getDouble(4), rs.getInt(5), linkedTo, rs.getDouble(7)));
            }
            return result;
        });
    }

    @Override
    public Map<Long, Map<String, Double>> vectors(Collection<Long> articleIds) {
        return query("select article_id, features, weights from story_member where article_id = any(?)",
                ps -> ps.setArray(1, longs(articleIds)), rs -> {
                    Map<Long, Map<String, Double>> result = new HashMap<>();
                    while (rs.next()) {
                        String[] features = (String[]) rs.getArray(2).getArray();
                        Float[] weights = (Float[]) rs.getArray(3).getArray();
                        Map<String, Double> vector = new LinkedHashMap<>();
                        for (int i = 0; i < features.length; i++) {
                            vector.put(features[i], weights[i].doubleValue());
                        }
                        result.put(rs.getLong(1), vector);
                    }
                    return result;
                });
    }

    @Override
    public Map<Long, Collection<String>> quoteShingles(Collection<Long> articleIds) {
        return query("select article_id, quote_shingles from story_member where article_id = any(?)",
                ps -> ps.setArray(1, longs(articleIds)), rs -> {
                    Map<Long, Collection<String>> result = new HashMap<>();
                    while (rs.next()) {
                        result.put(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray()));
                    }
                    return result;
                });
    }

    @Override
    public void add(IndexedArticle article, Collection<String> features, int postings) {
        update("""
                insert into story_feature (feature, document_count) select unnest(?::text[]), 1
                on conflict (feature) do update set document_count = story_feature.document_count + 1""",
                ps -> ps.setArray(1, texts(withCounter(features))));
        List<String> indexed = new ArrayList<>(article.quoteShingles());
        List<Double> weights = new ArrayList<>(article.quoteShingles().stream().map(s -> 0.0).toList());
        article.vector().entrySet().stream().limit(postings).forEach(entry -> {
            indexed.add(entry.getKey());
            weights.add(entry.getValue());
        });
        update("""
                insert into story_posting (feature, article_id, weight) select f, ?, w from unnest(?::text[], ?::real[]) as t(f, w)
                on conflict do nothing""", ps -> {
            ps.setLong(1, article.articleId());
            ps.setArray(2, texts(indexed));
            ps.setArray(3, reals(weights));
        });
        update("""
                insert into story_member (article_id, features, weights, quote_shingles, linked_to, link_similarity)
                values (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, article.articleId());
            ps.setArray(2, texts(article.vector().keySet()));
            ps.setArray(3, reals(article.vector().values()));
            ps.setArray(4, texts(article.quoteShingles()));
            ps.setObject(5, article.linkedTo());
            ps.setDouble(6, article.linkSimilarity());
        });
    }

    @Override
    public void relink(long articleId, Long linkedTo, double similarity) {
        update("update story_member set linked_to = ?, link_similarity = ? where article_id = ?", ps -> {
            ps.setObject(1, linkedTo);
            ps.setDouble(2, similarity);
            ps.setLong(3, articleId);
        });
    }

    @Override
    public List<IndexedArticle> members(long storyId) {
        return query("""
                select m.article_id, a.published_at, m.linked_to, m.link_similarity, m.pin
                from article a join story_member m on m.article_id = a.id where a.story_id = ?""",
                ps -> ps.setLong(1, storyId), rs -> {
                    List<IndexedArticle> result = new ArrayList<>();
                    while (rs.next()) {
                        Timestamp published = rs.getTimestamp(2);
                        Long linkedTo = nullable(rs, rs.getLong(3));
                        double linkSimilarity = rs.getDouble(4);
                        Long pin = nullable(rs, rs.getLong(5));
                        // Regrouping needs the links only; vectors stay in the table.
                        result.add(new IndexedArticle(rs.getLong(1), storyId,
                                published == null ? null : published.toInstant(), Map.of(), List.of(), linkedTo,
                                linkSimilarity, pin));
                    }
                    return result;
                });
    }

    @Override
    public void move(Collection<Long> articleIds, long storyId) {
        if (articleIds.isEmpty()) {
            return;
        }
        update("update article set story_id = ? where id = any(?)", ps -> {
            ps.setLong(1, storyId);
            ps.setArray(2, longs(articleIds));
        });
    }

    @Override
    public void pin(Collection<Long> articleIds, Long pin) {
        if (articleIds.isEmpty()) {
            return;
        }
        update("update story_member set pin = ? where article_id = any(?)", ps -> {
            ps.setObject(1, pin);
            ps.setArray(2, longs(articleIds));
        });
    }

    @Override
    public long newStory() {
        return query("insert into story (title, created_at, updated_at) values ('', now(), now()) returning id",
                ps -> {
                }, rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
    }

    private static List<String> withCounter(Collection<String> features) {
        List<String> all = new ArrayList<>(features.size() + 1);
        all.addAll(features);
        all.add(ARTICLES);
        return all;
    }

    private static Long nullable(ResultSet rs, long value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private Array texts(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private Array reals(Collection<Double> values) throws SQLException {
        return connection.createArrayOf("float4", values.stream().map(Double::floatValue).toArray(Float[]::new));
    }

    private Array longs(Collection<Long> values) throws SQLException {
        return connection.createArrayOf("int8", values.toArray(Long[]::new));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index query failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Binder binder) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("story index update failed: " + e.getMessage(), e);
        }
    }
}
