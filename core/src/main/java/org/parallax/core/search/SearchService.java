package org.parallax.core.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over articles in PostgreSQL.
 *
 * <p>Ranking: {@code ts_rank_cd} with weights headline 1.0, dek 0.4, body 0.2 (D 0.1), normalised to
 * rank/(rank+1), times a recency factor {@code 0.5 + 0.5 / (1 + age in years)} (undated articles get 0.5).
 * Ties break on id, newest first. Paging is by keyset on (score, id), so a page never shifts when
 * articles are added.
 *
 * <p>The query side matches the index side: each article's vector is built with its language's
 * configuration, so the query is the OR of {@code websearch_to_tsquery} under every configuration in use
 * that leaves at least one positive term (a configuration that drops every searched word as a stop word
 * would otherwise turn {@code word -other} into {@code !other}).
 */
@ApplicationScoped
@Transactional
public class SearchService {

    public static final int MAX_PAGE_SIZE = 50;
    private static final int FACET_LIMIT = 12;
    private static final long CONFIG_CACHE_MILLIS = 60_000;
    private static final Pattern WORD = Pattern.compile("(?<![-\\p{L}\\p{N}])(\\p{L}{3,})");
    private static final String SNIPPET_OPTIONS = "StartSel=\"" + Snippet.START + "\", StopSel=\"" + Snippet.STOP
            + "\", MaxWords=40, MinWords=18, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String HEADLINE_OPTIONS = "StartSel=\"" + Snippet.START + "\", StopSel=\"" + Snippet.STOP
            + "\", HighlightAll=true";

    private final EntityManager em;
    private volatile List<String> configs = List.of("simple");
    private volatile long configsLoadedAt;

    public SearchService(EntityManager em) {
        this.em = em;
    }

    public SearchResults search(SearchQuery query, String after, int pageSize) {
        int limit = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        if (query.isEmpty()) {
            return new SearchResults(query, 0, List.of(), SearchResults.Facets.NONE, null, null, query.notes());
        }
        List<String> notes = new ArrayList<>(query.notes());
        if (query.hasText() && onlyStopWords(query.text())) {
            notes.add("Every word in “" + query.text() + "” is too common to search for; try a more specific word.");
            return new SearchResults(query, 0, List.of(), SearchResults.Facets.NONE, null, null, notes);
        }
        Optional<SearchCursor> cursor = SearchCursor.decode(after);
        if (after != null && !after.isBlank() && cursor.isEmpty()) {
            notes.add("That page link was not valid; showing the first page.");
        }
        Instant reference = cursor.map(SearchCursor::reference)
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.DAYS));
        Sql sql = new Sql(query, tsquery(query), reference);

        List<Row> rows = page(sql, cursor, limit + 1);
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        Map<Long, Snippet[]> snippets = snippets(sql, rows);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (Row r : rows) {
            Snippet[] s = snippets.getOrDefault(r.id, new Snippet[] {Snippet.fromHeadline(r.headline), null});
            hits.add(new SearchResults.Hit(r.id, r.storyId, r.storyTitle, s[0], r.outlet, r.publishedAt, s[1],
                    r.score));
        }
        String next = more ? new SearchCursor(rows.get(rows.size() - 1).score, rows.get(rows.size() - 1).id,
                reference).encode() : null;
        FacetsAndTotal counted = facets(sql);
        String suggestion = counted.total == 0 && query.hasText() ? suggest(query.text()) : null;
        return new SearchResults(query, counted.total, hits, counted.facets, next, suggestion, notes);
    }

    private record Row(long id, Long storyId, String storyTitle, String headline, String outlet,
                       Instant publishedAt, double score) {
    }

    private List<Row> page(Sql sql, Optional<SearchCursor> cursor, int limit) {
        StringBuilder text = new StringBuilder("select r.* from (select a.id, a.story_id, s.title, a.headline, "
                + "o.name, a.published_at, " + sql.score() + " as score " + sql.from() + sql.where()
                + ") r ");
        Map<String, Object> params = new HashMap<>(sql.params);
        params.put("reference", sql.reference.atOffset(ZoneOffset.UTC));
        if (cursor.isPresent()) {
            text.append("where r.score < :cursorScore or (r.score = :cursorScore and r.id < :cursorId) ");
            params.put("cursorScore", cursor.get().score());
            params.put("cursorId", cursor.get().id());
        }
        text.append("order by r.score desc, r.id desc limit :limit");
        params.put("limit", limit);
        Query q = em.createNativeQuery(text.toString());
        params.forEach(q::setParameter);
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] c = (Object[]) o;
            rows.add(new Row(((Number) c[0]).longValue(), c[1] == null ? null : ((Number) c[1]).longValue(),
                    (String) c[2], (String) c[3], (String) c[4], instant(c[5]), ((Number) c[6]).doubleValue()));
        }
        return rows;
    }

    /** Highlighted headline and body snippet, computed for the page's hits only ({@code ts_headline} is costly). */
    private Map<Long, Snippet[]> snippets(Sql sql, List<Row> rows) {
        Map<Long, Snippet[]> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Query q;
        if (sql.query.hasText()) {
            q = em.createNativeQuery("select a.id, "
                    + "ts_headline(parallax_ts_config(a.language), a.headline, " + sql.tsquery() + ", :headlineOptions), "
                    + "ts_headline(parallax_ts_config(a.language), a.body, " + sql.tsquery() + ", :snippetOptions) "
                    + "from article a where a.id in (:ids)");
            sql.tsqueryParams().forEach(q::setParameter);
            q.setParameter("headlineOptions", HEADLINE_OPTIONS);
            q.setParameter("snippetOptions", SNIPPET_OPTIONS);
        } else {
            q = em.createNativeQuery("select a.id, a.headline, left(a.body, 280) from article a where a.id in (:ids)");
        }
        q.setParameter("ids", ids);
        for (Object o : q.getResultList()) {
            Object[] c = (Object[]) o;
            out.put(((Number) c[0]).longValue(),
                    new Snippet[] {Snippet.fromHeadline((String) c[1]), Snippet.fromHeadline((String) c[2])});
        }
        return out;
    }

    private record FacetsAndTotal(long total, SearchResults.Facets facets) {
    }

    /** Count and all three facets in one pass over the matches, with grouping sets. */
    private FacetsAndTotal facets(Sql sql) {
        Query q = em.createNativeQuery("select grouping(o.name, a.story_id, to_char(a.published_at at time zone 'UTC', 'YYYY-MM')), "
                + "o.name, a.story_id, max(s.title), to_char(a.published_at at time zone 'UTC', 'YYYY-MM'), count(*) "
                + sql.from() + sql.where()
                + "group by grouping sets ((o.name), (a.story_id), (to_char(a.published_at at time zone 'UTC', 'YYYY-MM')), ())");
        sql.params.forEach(q::setParameter);
        long total = 0;
        List<SearchResults.Count> outlets = new ArrayList<>();
        List<SearchResults.Count> stories = new ArrayList<>();
        List<SearchResults.Count> months = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] c = (Object[]) o;
            int grouping = ((Number) c[0]).intValue();
            long count = ((Number) c[5]).longValue();
            switch (grouping) {
                case 0b011 -> {
                    if (c[1] != null) {
                        outlets.add(new SearchResults.Count((String) c[1], (String) c[1], count));
                    }
                }
                case 0b101 -> {
                    if (c[2] != null) {
                        String title = c[3] == null ? "Story " + c[2] : (String) c[3];
                        stories.add(new SearchResults.Count(String.valueOf(c[2]), title, count));
                    }
                }
                case 0b110 -> {
                    if (c[4] != null) {
                        months.add(new SearchResults.Count((String) c[4], (String) c[4], count));
                    }
                }
                default -> total = count;
            }
        }
        return new FacetsAndTotal(total, new SearchResults.Facets(top(outlets), top(stories),
                months.stream().sorted((x, y) -> y.key().compareTo(x.key())).limit(FACET_LIMIT).toList()));
    }

    private static List<SearchResults.Count> top(List<SearchResults.Count> counts) {
        return counts.stream()
                .sorted((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count()) : x.label().compareTo(y.label()))
                .limit(FACET_LIMIT)
                .toList();
    }

    /**
     * "Did you mean": each word that occurs in no article is replaced by the closest known word by trigram
     * similarity, preferring common words. Null when nothing would change.
     */
    String suggest(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String word = m.group(1);
            String lower = word.toLowerCase(Locale.ROOT);
            String replacement = word;
            if (!lower.equals("and") && !lower.equals("not") && !known(lower)) {
                Optional<String> close = closest(lower);
                if (close.isPresent()) {
                    replacement = matchCase(word, close.get());
                    changed = true;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return changed ? out.toString() : null;
    }

    private boolean known(String word) {
        return !em.createNativeQuery("select 1 from search_word where word = :w")
                .setParameter("w", word).setMaxResults(1).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Optional<String> closest(String word) {
        List<String> found = em.createNativeQuery("select word from search_word where word % :w "
                        + "order by similarity(word, :w) desc, ndoc desc, word limit 1")
                .setParameter("w", word).getResultList();
        return found.stream().findFirst();
    }

    private static String matchCase(String typed, String suggestion) {
        if (typed.equals(typed.toUpperCase(Locale.ROOT))) {
            return suggestion.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(typed.charAt(0))) {
            return Character.toUpperCase(suggestion.charAt(0)) + suggestion.substring(1);
        }
        return suggestion;
    }

    /**
     * Each paragraph of an article with every word that matches the query marked, in paragraph order;
     * empty when the query has no text. Used to open an article from a search hit.
     */
    @SuppressWarnings("unchecked")
    public List<Snippet> highlightParagraphs(long articleId, SearchQuery query) {
        if (!query.hasText()) {
            return List.of();
        }
        Sql sql = new Sql(query, tsquery(query), Instant.now());
        Query q = em.createNativeQuery("select ts_headline(parallax_ts_config(a.language), p.text, "
                + sql.tsquery() + ", :options) from paragraph p join article a on a.id = p.article_id "
                + "where p.article_id = :id order by p.ordinal");
        sql.tsqueryParams().forEach(q::setParameter);
        q.setParameter("options", HEADLINE_OPTIONS);
        q.setParameter("id", articleId);
        return ((List<String>) q.getResultList()).stream().map(Snippet::fromHeadline).toList();
    }

    /** True when English drops every word ("the of and"); such a query would match nearly everything. */
    private boolean onlyStopWords(String text) {
        Object nodes = em.createNativeQuery("select numnode(websearch_to_tsquery('english', :t))")
                .setParameter("t", text).getSingleResult();
        return ((Number) nodes).intValue() == 0 && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * The query as one tsquery (text form): the OR of {@code websearch_to_tsquery} under every configuration
     * in use, leaving out a configuration under which nothing positive is left. Otherwise a stop word turns
     * {@code further -dollar} into {@code !dollar} under English, which matches nearly every article (the
     * search benchmark's slowest query). Computed once per search, so the big queries get a constant.
     */
    @SuppressWarnings("unchecked")
    private String tsquery(SearchQuery query) {
        if (!query.hasText()) {
            return null;
        }
        List<Object[]> parts = em.createNativeQuery("select cast(t as text), querytree(t) <> 'T' "
                        + "from unnest(cast(:cfgs as text[])) with ordinality c(cfg, n), "
                        + "lateral websearch_to_tsquery(cast(c.cfg as regconfig), :q) t order by c.n")
                .setParameter("cfgs", configs().toArray(String[]::new))
                .setParameter("q", query.text())
                .getResultList();
        List<String> positive = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Object[] part : parts) {
            String text = (String) part[0];
            if (text == null || text.isBlank() || all.contains(text)) {
                continue;
            }
            all.add(text);
            if (Boolean.TRUE.equals(part[1])) {
                positive.add(text);
            }
        }
        List<String> chosen = positive.isEmpty() ? all : positive;
        return chosen.stream().map(t -> "(" + t + ")").reduce((x, y) -> x + " | " + y).orElse("");
    }

    /** The text-search configurations of the languages stored, refreshed at most once a minute. */
    @SuppressWarnings("unchecked")
    List<String> configs() {
        long now = System.currentTimeMillis();
        if (now - configsLoadedAt > CONFIG_CACHE_MILLIS) {
            List<String> found = new ArrayList<>(em.createNativeQuery(
                    "select distinct cast(parallax_ts_config(language) as text) from article").getResultList());
            if (!found.contains("simple")) {
                found.add("simple");
            }
            found.sort(null);
            configs = List.copyOf(found);
            configsLoadedAt = now;
        }
        return configs;
    }

    /** The FROM and WHERE shared by the page, snippet and facet queries, with their parameters. */
    private static final class Sql {
        final SearchQuery query;
        /** The whole text query as tsquery text, see {@link SearchService#tsquery(SearchQuery)}. */
        final String tsquery;
        final Map<String, Object> params = new LinkedHashMap<>();
        /** Recency is measured against this; only the ranked page query uses it. */
        final Instant reference;

        Sql(SearchQuery query, String tsquery, Instant reference) {
            this.query = query;
            this.tsquery = tsquery;
            this.reference = reference;
            if (query.hasText()) {
                params.putAll(tsqueryParams());
            }
            if (query.outlet() != null) {
                params.put("outlet", query.outlet());
            }
            if (query.from() != null) {
                params.put("fromDate", query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            if (query.to() != null) {
                params.put("toDate", query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            if (query.storyId() != null) {
                params.put("storyId", query.storyId());
            }
        }

        Map<String, Object> tsqueryParams() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("tsq", tsquery);
            return p;
        }

        String tsquery() {
            return "cast(:tsq as tsquery)";
        }

        String from() {
            return "from article a left join outlet o on o.id = a.outlet_id left join story s on s.id = a.story_id ";
        }

        String where() {
            List<String> conditions = new ArrayList<>();
            if (query.hasText()) {
                conditions.add("a.search_vector @@ " + tsquery());
            }
            if (query.outlet() != null) {
                conditions.add("lower(o.name) = lower(:outlet)");
            }
            if (query.from() != null) {
                conditions.add("a.published_at >= :fromDate");
            }
            if (query.to() != null) {
                conditions.add("a.published_at < :toDate");
            }
            if (query.storyId() != null) {
                conditions.add("a.story_id = :storyId");
            }
            return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ";
        }

        String score() {
            String recency = "coalesce(0.5 + 0.5 / (1 + greatest(0, extract(epoch from (:reference - a.published_at)) "
                    + "/ 31557600.0)), 0.5)";
            if (!query.hasText()) {
                return "cast(" + recency + " as float8)";
            }
            return "cast(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', a.search_vector, " + tsquery() + ", 32) * "
                    + recency + " as float8)";
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
