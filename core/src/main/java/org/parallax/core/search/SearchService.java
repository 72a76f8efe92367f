package org.parallax.core.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * <p>Work per search is bounded ({@link SearchConfig#candidates()}): the most recent N matches are read,
 * counted, ranked and faceted; beyond them the total is PostgreSQL's estimate, flagged as such, and older
 * matches are reached by narrowing the search ({@code to:}, {@code outlet:}, more words).
 *
 * <p>The query side matches the index side: each article's vector is built with its language's
 * configuration, so the index is searched with the OR of {@code websearch_to_tsquery} under every
 * configuration in use that leaves at least one positive term (a configuration that drops every searched
 * word as a stop word would otherwise turn {@code word -other} into {@code !other}), and each article it
 * finds is then matched and ranked with its own configuration's reading ({@link Sql#ownQuery}).
 *
 * <p>What only depends on its input is remembered: a query text's tsquery under the configurations in use,
 * a word's lexemes under a configuration (both fixed by the dictionaries), and for a minute the planner's
 * estimate of a query's matches (it only moves with the statistics). A search for words already seen is
 * then one statement.
 */
@ApplicationScoped
@Transactional
public class SearchService {

    public static final int MAX_PAGE_SIZE = 50;
    private static final int FACET_LIMIT = 12;
    /** {@code grouping(outlet_id, story_id, month)} of the story facet's rows: outlet and month not grouped. */
    private static final int STORY_FACET = 0b101;
    private static final long CONFIG_CACHE_MILLIS = 60_000;
    /** A word to check the spelling of; a word before a colon is syntax (a filter name), not one to correct. */
    private static final Pattern WORD = Pattern.compile("(?<![-\\p{L}\\p{N}])(\\p{L}{3,})(?![\\p{L}:])");
    /** Trigram matches re-ranked by edit distance: enough to hold every word one or two edits away. */
    private static final int SUGGESTION_CANDIDATES = 30;
    private static final int SUGGESTION_MAX_EDITS = 2;

    /** Later than any article: the RUM index orders matches by their distance before it (newest first). */
    private static final java.time.OffsetDateTime FUTURE = java.time.OffsetDateTime.parse("3000-01-01T00:00:00Z");
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");
    /** {@code <->} and {@code <N>} in a tsquery's text form. */
    private static final Pattern PHRASE_OPERATOR = Pattern.compile("<(?:-|\\d+)>");

    private final EntityManager em;
    private final SearchConfig config;
    private final Cache<ParseKey, Prepared> parsed = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<Highlighter.Word, List<Highlighter.Lexeme>> stems =
            Caffeine.newBuilder().maximumSize(200_000).build();
    private final Cache<String, Long> estimates = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private volatile List<String> configs = List.of("simple");
    /** The planner's estimate of all articles, refreshed with the configurations. */
    private volatile long articles;
    private volatile long configsLoadedAt;
    /** Whether V80 could create the RUM index; checked with the configurations. */
    private volatile boolean rumIndex;

    public SearchService(EntityManager em, SearchConfig config) {
        this.em = em;
        this.config = config;
    }

    public SearchResults search(SearchQuery query, String after, int pageSize) {
        int limit = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        if (query.isEmpty()) {
            return SearchResults.none(query, query.notes(), null);
        }
        List<String> notes = new ArrayList<>(query.notes());
        Prepared prepared = prepare(query);
        if (prepared.onlyStopWords) {
            notes.add("Every word in “" + query.text() + "” is too common to search for; try a more specific word.");
            return SearchResults.none(query, notes, null);
        }
        Optional<SearchCursor> cursor = SearchCursor.decode(after);
        if (after != null && !after.isBlank() && cursor.isEmpty()) {
            notes.add("That page link was not valid; showing the first page.");
        }
        Instant reference = cursor.map(SearchCursor::reference)
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.DAYS));
        List<Long> outletIds = query.outlet() == null ? null : outletIds(query.outlet());
        if (outletIds != null && outletIds.isEmpty()) {
            // Without this the page only said "0 results", as if the words had found nothing.
            notes.add("No outlet is named “" + query.outlet() + "”; outlet: takes a full name as the Outlet "
                    + "list shows it, such as outlet:\"The Jerusalem Post\".");
            return SearchResults.none(query, notes, query.hasText() ? suggest(query.text()) : null);
        }
        Sql sql = new Sql(query, prepared, configs(), outletIds, reference);
        // Words alone: common ones are found faster walking the articles newest first than through the
        // RUM index (see SearchConfig#walkShare); the estimate that decides is the total's too.
        Long estimated = null;
        Long walk = null;
        if (wordsOnly(query)) {
            estimated = estimate(sql);
            if (articles > 0 && estimated >= config.walkShare() * articles) {
                walk = walkLength(config.candidates());
            }
        }
        Page page = page(sql, cursor, limit + 1, config.candidates(), walk);
        if (walk != null && page.exact && articles > walk) {
            // Fewer matches among the newest articles than the estimate promised: it takes a phrase for its
            // words anywhere ("mln said": 28,643 of 100,000 estimated, none found) and words to be
            // independent. The walk was bounded; the matches are read through the index after all.
            page = page(sql, cursor, limit + 1, config.candidates(), null);
        }

        List<Row> rows = page.rows;
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (Row r : rows) {
            hits.add(new SearchResults.Hit(r.id, r.storyId, r.storyTitle, r.headline.whole(), r.outlet, r.publishedAt,
                    r.snippet(), r.score));
        }
        String next = more ? new SearchCursor(rows.get(rows.size() - 1).score, rows.get(rows.size() - 1).id,
                reference).encode() : null;
        long total = page.counted;
        if (!page.exact) {
            total = Math.max(page.counted + 1, estimated != null ? estimated : estimate(sql));
        }
        String suggestion = total == 0 && query.hasText() ? suggest(query.text()) : null;
        return new SearchResults(query, total, page.exact, page.counted, hits, page.facets, next, suggestion, notes);
    }

    /**
     * How many of the newest articles a walk reads at most: three times as many as a query matching the
     * walk's share of the articles needs to yield the candidates, so that only a wrong estimate exhausts it.
     */
    private long walkLength(int candidates) {
        return config.walkShare() > 0 ? (long) Math.ceil(3 * (candidates + 1) / config.walkShare()) : Long.MAX_VALUE;
    }

    /**
     * A hit as read, its texts still to be marked ({@link Highlighter#resolve}).
     *
     * @param headline null for the look-ahead row
     * @param body null for the look-ahead row; the plain opening of the body when the query has no words
     */
    private record Row(long id, Long storyId, String storyTitle, Highlighter.Text headline, String outlet,
                       Instant publishedAt, Highlighter.Text body, boolean marked, double score) {

        Snippet snippet() {
            if (body == null) {
                return null;
            }
            return marked ? body.fragments() : body.whole();
        }
    }

    /**
     * @param counted matches ranked and faceted (at most the candidate limit)
     * @param exact false when more articles match than were read
     */
    private record Page(List<Row> rows, SearchResults.Facets facets, long counted, boolean exact) {
    }

    /**
     * The page of hits with their snippets, the facets and the count, in one statement over one bounded
     * candidate set: the {@code candidates + 1} most recent matches ({@code c}), which the RUM index returns
     * in date order without reading the other matches; no more than that many rows are ranked
     * ({@code ts_rank_cd} reads each row's whole vector) or grouped. Only the page's rows bring their
     * texts, marked afterwards by the {@link Highlighter}. Rows of kind 0 are hits, kind 1 facet groups
     * (grouping sets), kind 2 the candidate count.
     *
     * @param walk when not null, find the candidates among this many newest articles, testing each, instead
     *             of through the RUM index
     */
    private Page page(Sql sql, Optional<SearchCursor> cursor, int limit, int candidates, Long walk) {
        String month = "to_char(c.published_at at time zone 'UTC', 'YYYY-MM')";
        // p holds one row more than the page, only to tell whether there is a next page: no body for it.
        // The matches are marked in Java (Highlighter), not by ts_headline, which parsed every body again.
        String snippet = sql.query.hasText() ? "case when p.rn < :limit then a.body end" : "left(a.body, 280)";
        // With text, the RUM index (V80) hands over the matches newest first: <=| is its distance from a date
        // after every article, and undated articles (null distance) come last. It cannot add a tie-break on id,
        // so articles published in the same second may swap places at the candidate limit. Without text the
        // publication-date index gives the same order.
        // Without the RUM index (extension not installed, see V80) the date index is walked, testing each row.
        boolean rum = sql.query.hasText() && rumIndex && walk == null;
        String newestFirst = rum
                ? "a.published_at <=| cast(:future as timestamptz)"
                : "a.published_at desc nulls last, a.id desc";
        String columns = "a.id, a.published_at, a.outlet_id, a.story_id, a.language, a.search_vector";
        String matches = walk == null ? "article a " + sql.where(Sql.Use.SEARCH)
                // A subquery, so that the test applies to the walked rows and does not move below the bound.
                : "(select " + columns + " from article a order by " + newestFirst + " limit :walk) a "
                        + sql.where(Sql.Use.WALK);
        String text = "with c as materialized (select " + columns + ", "
                + "row_number() over (order by a.published_at desc nulls last, a.id desc) as n "
                + "from (select " + columns + " from " + matches
                + "order by " + newestFirst + " limit :candidates) a), "
                + "r as (select c.id, " + sql.score("c") + " as score from c where c.n <= :counted), "
                + "p as (select r.id, r.score, row_number() over (order by r.score desc, r.id desc) as rn from r "
                + (cursor.isPresent() ? "where r.score < :cursorScore or (r.score = :cursorScore and r.id < :cursorId) " : "")
                + "order by r.score desc, r.id desc limit :limit), "
                + "f as (select grouping(c.outlet_id, c.story_id, " + month + ") as g, c.outlet_id, c.story_id, "
                + month + " as month, count(*) as n from c where c.n <= :counted "
                + "group by grouping sets ((c.outlet_id), (c.story_id), (" + month + "), ())), "
                // Most of 200 matches can be stories of their own: only the stories shown get their titles read.
                + "fk as (select f.*, row_number() over (partition by f.g order by f.n desc, f.story_id desc) as k from f) "
                + "select 0 as kind, p.id, p.score, a.story_id, s.title, a.headline, o.name, "
                + "a.published_at, cast(null as text) as month, cast(null as bigint) as n, " + snippet + " as snippet, "
                + "cast(parallax_ts_config(a.language) as text) as config "
                + "from p join article a on a.id = p.id left join outlet o on o.id = a.outlet_id "
                + "left join story s on s.id = a.story_id "
                // Names by key lookup: a join made the planner hash the whole story table for a few facet rows.
                + "union all select 1, f.g, null, f.story_id, (select s.title from story s where s.id = f.story_id), "
                + "null, (select o.name from outlet o where o.id = f.outlet_id), null, f.month, f.n, null, null "
                + "from fk f where f.g <> " + STORY_FACET + " or f.k <= " + FACET_LIMIT + " "
                + "union all select 2, null, null, null, null, null, null, null, null, count(*), null, null from c";
        Query q = em.createNativeQuery(text);
        sql.params.forEach(q::setParameter);
        sql.ownQueryParams().forEach(q::setParameter);
        q.setParameter("reference", sql.reference.atOffset(ZoneOffset.UTC));
        q.setParameter("candidates", candidates + 1);
        if (rum) {
            q.setParameter("future", FUTURE);
        }
        if (walk != null) {
            q.setParameter("walk", walk);
        } else if (sql.relaxed() != null) {
            q.setParameter("tsqRelaxed", sql.relaxed());
        }
        q.setParameter("counted", candidates);
        q.setParameter("limit", limit);
        if (cursor.isPresent()) {
            q.setParameter("cursorScore", cursor.get().score());
            q.setParameter("cursorId", cursor.get().id());
        }
        Highlighter highlighter = sql.prepared.highlighter();
        List<Row> rows = new ArrayList<>();
        long counted = 0;
        long read = 0;
        List<SearchResults.Count> outlets = new ArrayList<>();
        List<SearchResults.Count> stories = new ArrayList<>();
        List<SearchResults.Count> months = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] c = (Object[]) o;
            switch (((Number) c[0]).intValue()) {
                case 0 -> {
                    String config = (String) c[11];
                    // The look-ahead row (no body) is never shown: its headline is not marked either.
                    boolean shown = c[10] != null;
                    Highlighter.Text headline = shown ? highlighter.add(config, (String) c[5]) : null;
                    Highlighter.Text body = shown ? highlighter.add(config, (String) c[10]) : null;
                    rows.add(new Row(((Number) c[1]).longValue(), c[3] == null ? null : ((Number) c[3]).longValue(),
                            (String) c[4], headline, (String) c[6], instant(c[7]), body, sql.query.hasText(),
                            ((Number) c[2]).doubleValue()));
                }
                case 1 -> {
                    long count = ((Number) c[9]).longValue();
                    switch (((Number) c[1]).intValue()) {
                        case 0b011 -> {
                            if (c[6] != null) {
                                outlets.add(new SearchResults.Count((String) c[6], (String) c[6], count));
                            }
                        }
                        case STORY_FACET -> {
                            if (c[3] != null) {
                                String title = c[4] == null ? "Story " + c[3] : (String) c[4];
                                stories.add(new SearchResults.Count(String.valueOf(c[3]), title, count));
                            }
                        }
                        case 0b110 -> {
                            if (c[8] != null) {
                                months.add(new SearchResults.Count((String) c[8], (String) c[8], count));
                            }
                        }
                        default -> counted = count;
                    }
                }
                default -> read = ((Number) c[9]).longValue();
            }
        }
        highlighter.resolve(this::lexemes);
        // The union's branches come back in no promised order; the hits are sorted here by the page order.
        rows.sort((x, y) -> x.score != y.score ? Double.compare(y.score, x.score) : Long.compare(y.id, x.id));
        SearchResults.Facets facets = new SearchResults.Facets(top(outlets), top(stories),
                months.stream().sorted((x, y) -> y.key().compareTo(x.key())).limit(FACET_LIMIT).toList());
        return new Page(rows, facets, counted, read <= candidates);
    }

    /**
     * The lexemes of the words the highlighter could not rule out, each under its article's configuration,
     * with their positions inside the word (a hyphenated word has several): one statement per page.
     */
    private Map<Highlighter.Word, List<Highlighter.Lexeme>> lexemes(java.util.Collection<Highlighter.Word> words) {
        return stems.getAll(words, missing -> {
            Map<Highlighter.Word, List<Highlighter.Lexeme>> looked = lookUpLexemes(List.copyOf(missing));
            Map<Highlighter.Word, List<Highlighter.Lexeme>> all = new java.util.HashMap<>();
            for (Highlighter.Word w : missing) {
                // A word without lexemes (a stop word) is remembered as such, not looked up again.
                all.put(w, List.copyOf(looked.getOrDefault(w, List.of())));
            }
            return all;
        });
    }

    @SuppressWarnings("unchecked")
    private Map<Highlighter.Word, List<Highlighter.Lexeme>> lookUpLexemes(List<Highlighter.Word> words) {
        List<Object[]> found = em.createNativeQuery("select w.n, t.lexeme, p from unnest(cast(:configs as text[]), "
                        + "cast(:words as text[])) with ordinality w(config, word, n), "
                        + "lateral unnest(to_tsvector(cast(w.config as regconfig), w.word)) t, lateral unnest(t.positions) p")
                .setParameter("configs", words.stream().map(Highlighter.Word::config).toArray(String[]::new))
                .setParameter("words", words.stream().map(Highlighter.Word::text).toArray(String[]::new))
                .getResultList();
        List<Highlighter.Word> ordered = List.copyOf(words);
        Map<Highlighter.Word, List<Highlighter.Lexeme>> lexemes = new java.util.HashMap<>();
        for (Object[] row : found) {
            Highlighter.Word word = ordered.get(((Number) row[0]).intValue() - 1);
            lexemes.computeIfAbsent(word, w -> new ArrayList<>())
                    .add(new Highlighter.Lexeme((String) row[1], ((Number) row[2]).intValue()));
        }
        return lexemes;
    }

    /**
     * PostgreSQL's estimate of how many articles match, from the planner's statistics (no rows are read);
     * used for the total when there are more matches than one search reads, and to choose between the
     * walk and the index.
     */
    private long estimate(Sql sql) {
        String where = sql.where(Sql.Use.ESTIMATE);
        return estimates.get(where + sql.params, k -> {
            Query q = em.createNativeQuery("explain (format json) select 1 from article a " + where);
            sql.params.forEach(q::setParameter);
            return planRows(q);
        });
    }

    private static long planRows(Query explain) {
        Matcher m = PLAN_ROWS.matcher(String.valueOf(explain.getSingleResult()));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @SuppressWarnings("unchecked")
    private List<Long> outletIds(String outlet) {
        List<Number> ids = em.createNativeQuery("select id from outlet where lower(name) = lower(:outlet) order by id")
                .setParameter("outlet", outlet).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static List<SearchResults.Count> top(List<SearchResults.Count> counts) {
        return counts.stream()
                .sorted((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count()) : x.label().compareTo(y.label()))
                .limit(FACET_LIMIT)
                .toList();
    }

    /**
     * "Did you mean": each word that occurs in no article is replaced by the closest known word. Null when
     * nothing would change.
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

    /**
     * The trigram index finds the candidates; trigram similarity alone ranked "put" above "putin" for
     * "putn" (a short word shares more of its trigrams), so they are ranked here by what a typing slip
     * explains: fewest edits (at most {@value #SUGGESTION_MAX_EDITS}), then a word that keeps every letter
     * typed (a missed key is likelier than a stray one, and the letters typed are the evidence), then the
     * word more articles use. Without a word that close, the most similar one, as before.
     */
    @SuppressWarnings("unchecked")
    private Optional<String> closest(String word) {
        List<Object[]> found = em.createNativeQuery("select word, ndoc from search_word where word % :w "
                        + "order by similarity(word, :w) desc, ndoc desc, word limit :n")
                .setParameter("w", word).setParameter("n", SUGGESTION_CANDIDATES).getResultList();
        return found.stream()
                .map(row -> new Candidate((String) row[0], ((Number) row[1]).longValue(),
                        EditDistance.of(word, (String) row[0]), EditDistance.isSubsequence(word, (String) row[0])))
                .filter(c -> c.edits <= SUGGESTION_MAX_EDITS)
                .min(java.util.Comparator.comparingInt(Candidate::edits)
                        .thenComparing(c -> !c.keepsTyped)
                        .thenComparing(Candidate::ndoc, java.util.Comparator.reverseOrder()))
                .map(Candidate::word)
                .or(() -> found.stream().map(row -> (String) row[0]).findFirst());
    }

    private record Candidate(String word, long ndoc, int edits, boolean keepsTyped) {
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
        List<Object[]> paragraphs = em.createNativeQuery("select p.text, cast(parallax_ts_config(a.language) as text) "
                        + "from paragraph p join article a on a.id = p.article_id where p.article_id = :id order by p.ordinal")
                .setParameter("id", articleId)
                .getResultList();
        Highlighter highlighter = prepare(query).highlighter();
        List<Highlighter.Text> texts = paragraphs.stream()
                .map(p -> highlighter.add((String) p[1], (String) p[0]))
                .toList();
        highlighter.resolve(this::lexemes);
        return texts.stream().map(Highlighter.Text::whole).toList();
    }

    /**
     * @param tsquery the whole text query as tsquery text (null without text), see {@link #prepare}
     * @param onlyStopWords English drops every word ("the of and"); such a query would match nearly everything
     */
    private record Prepared(String tsquery, boolean onlyStopWords, Map<String, String> byConfig, QueryTerms terms,
                            Map<String, QueryTerms> readings) {

        /**
         * @param byConfig the query as each configuration that leaves a positive term reads it
         */
        static Prepared of(String tsquery, boolean onlyStopWords, Map<String, String> byConfig) {
            Map<String, QueryTerms> readings = new java.util.HashMap<>();
            byConfig.forEach((config, reading) -> readings.put(config, QueryTerms.parse(reading)));
            return new Prepared(tsquery, onlyStopWords, Map.copyOf(byConfig), QueryTerms.parse(tsquery),
                    Map.copyOf(readings));
        }

        /** Marks each text with its own configuration's reading, as {@link Sql#ownQuery} matched it. */
        Highlighter highlighter() {
            return new Highlighter(terms, readings);
        }
    }

    /** A query text under the configurations in use: what its tsquery depends on. */
    private record ParseKey(List<String> configs, String text) {
    }

    /**
     * Words alone, with the RUM index: such a search has one good plan whatever its words (the index hands
     * over the newest matches, or the date index is walked for common words), so PostgreSQL's defaults suit
     * it, including keeping a generic plan instead of planning the statement for every search (9% of the
     * database's CPU per search in the benchmark).
     */
    private boolean wordsOnly(SearchQuery query) {
        return query.hasText() && !query.hasFilters() && hasRumIndex();
    }

    /**
     * Sets how the search's statements are planned, when the defaults do not suit it, and turns the text
     * into a tsquery: the OR of {@code websearch_to_tsquery} under every configuration in use, leaving out a
     * configuration under which nothing positive is left. Otherwise a stop word turns
     * {@code further -dollar} into {@code !dollar} under English, which matches nearly every article (the
     * search benchmark's slowest query). Computed once per text, so the big statement gets a constant.
     *
     * <p>With a filter, or without the RUM index, the best plan depends on the values: a generic plan cannot
     * see that {@code story:12} holds a handful of articles and would read the word's matches until it found
     * them, or (with only the GIN index) would plan "prices", 16% of the articles, like a rare name. Those
     * get a custom plan every time, for this transaction only, without JIT (compiling costs more than these
     * bounded statements take) and parallel workers (concurrent searches already use the cores).
     */
    @SuppressWarnings("unchecked")
    private Prepared prepare(SearchQuery query) {
        String settings = wordsOnly(query) ? null : "set_config('plan_cache_mode', 'force_custom_plan', true), "
                + "set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)";
        ParseKey key = query.hasText() ? new ParseKey(configs(), query.text()) : null;
        Prepared known = key == null ? Prepared.of(null, false, Map.of()) : parsed.getIfPresent(key);
        if (known != null) {
            if (settings != null) {
                em.createNativeQuery("select " + settings).getResultList();
            }
            return known;
        }
        List<Object[]> parts = em.createNativeQuery("select cast(t as text), querytree(t) <> 'T', "
                        + "numnode(websearch_to_tsquery('english', :q)), c.cfg" + (settings == null ? "" : ", " + settings)
                        + " from unnest(cast(:cfgs as text[])) with ordinality c(cfg, n), "
                        + "lateral websearch_to_tsquery(cast(c.cfg as regconfig), :q) t order by c.n")
                .setParameter("cfgs", key.configs().toArray(String[]::new))
                .setParameter("q", key.text())
                .getResultList();
        List<String> positive = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Map<String, String> byConfig = new LinkedHashMap<>();
        boolean englishEmpty = false;
        for (Object[] part : parts) {
            englishEmpty = ((Number) part[2]).intValue() == 0;
            String text = (String) part[0];
            if (text == null || text.isBlank()) {
                continue;
            }
            if (Boolean.TRUE.equals(part[1])) {
                byConfig.put((String) part[3], text);
            }
            if (all.contains(text)) {
                continue;
            }
            all.add(text);
            if (Boolean.TRUE.equals(part[1])) {
                positive.add(text);
            }
        }
        boolean onlyStopWords = englishEmpty && key.text().codePoints().anyMatch(Character::isLetterOrDigit);
        List<String> chosen = positive.isEmpty() ? all : positive;
        Prepared prepared = Prepared.of(chosen.stream().map(t -> "(" + t + ")").reduce((x, y) -> x + " | " + y)
                .orElse(""), onlyStopWords, positive.isEmpty() ? Map.of() : byConfig);
        parsed.put(key, prepared);
        return prepared;
    }

    /**
     * Forgets the cached configurations and whether the RUM index exists, so the next search looks again:
     * for an operator who has just installed the {@code rum} extension and built the index by hand (V80),
     * instead of waiting up to a minute.
     */
    public void refreshIndexInformation() {
        configsLoadedAt = 0;
    }

    private boolean hasRumIndex() {
        configs();
        return rumIndex;
    }

    /**
     * The text-search configurations of the languages stored, refreshed at most once a minute (with whether
     * the RUM index exists).
     */
    @SuppressWarnings("unchecked")
    List<String> configs() {
        long now = System.currentTimeMillis();
        if (now - configsLoadedAt > CONFIG_CACHE_MILLIS) {
            List<String> found = new ArrayList<>(em.createNativeQuery(
                    "with recursive l(lang) as (select min(language) from article union all "
                            + "select (select min(language) from article where language > l.lang) from l where l.lang is not null) "
                            + "select distinct cast(parallax_ts_config(lang) as text) from l where lang is not null")
                    .getResultList());
            if (!found.contains("simple")) {
                found.add("simple");
            }
            found.sort(null);
            configs = List.copyOf(found);
            rumIndex = !em.createNativeQuery("select 1 from pg_indexes where indexname = 'article_search_rum_idx'")
                    .getResultList().isEmpty();
            articles = planRows(em.createNativeQuery("explain (format json) select 1 from article"));
            configsLoadedAt = now;
        }
        return configs;
    }

    /** The FROM and WHERE shared by the page, snippet and facet queries, with their parameters. */
    private static final class Sql {
        final SearchQuery query;
        /** The query text's readings, see {@link SearchService#prepare}. */
        final Prepared prepared;
        /** The whole text query as tsquery text (null without text). */
        final String tsquery;
        /** Ids of the outlets named by {@code outlet:}, looked up first so the planner sees which ones. */
        final List<Long> outletIds;
        final Map<String, Object> params = new LinkedHashMap<>();
        /** Recency is measured against this; only the ranked page query uses it. */
        final Instant reference;
        /**
         * The configurations in use, in order, and under each the query as that configuration reads it, or
         * the whole query where the configuration leaves no positive term: see {@link #ownQuery}.
         */
        final List<String> configs;
        final List<String> configQueries = new ArrayList<>();
        /** Whether some article would be read differently under its own configuration than under the OR. */
        private final boolean ownQueries;

        Sql(SearchQuery query, Prepared prepared, List<String> configs, List<Long> outletIds, Instant reference) {
            this.query = query;
            this.prepared = prepared;
            this.tsquery = prepared.tsquery();
            this.outletIds = outletIds;
            this.reference = reference;
            this.configs = configs;
            for (String config : configs) {
                configQueries.add(prepared.byConfig().getOrDefault(config, tsquery));
            }
            ownQueries = tsquery != null && configQueries.stream().anyMatch(q -> !q.equals(tsquery));
            if (query.hasText()) {
                params.putAll(tsqueryParams());
            }
            if (outletIds != null) {
                params.put("outletIds", outletIds);
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

        /** The parameters of {@link #ownQuery}, for the statement that ranks. */
        Map<String, Object> ownQueryParams() {
            Map<String, Object> p = new LinkedHashMap<>();
            if (ownQueries) {
                for (int i = 0; i < configQueries.size(); i++) {
                    p.put("tsqConfig" + i, configQueries.get(i));
                }
            }
            return p;
        }

        /**
         * The query as the configuration of the article called {@code alias} reads it (its vector was built
         * with that configuration), for matching and ranking. The OR over every configuration finds the
         * candidates through the index; each is then held to its own language's reading. Through another
         * reading an article matched words it does not hold: under {@code Putin -meddling} the English reading
         * is {@code 'putin' & !'meddl'}, the simple one {@code 'putin' & !'meddling'}, and an English article
         * saying "meddling" holds {@code meddl}, not {@code meddling}, so the OR let it through; under
         * {@code enterprises workers} the Norwegian reading {@code 'enterpris' & 'work'} found English
         * articles that say "enterprise" and "work" but never "workers", and ranked them first. Ranking with
         * the article's own reading also spares {@code ts_rank_cd} the other readings: it allocates and zeroes
         * 32 kB per node of its query for every row it ranks (PostgreSQL 15), and the OR over six
         * configurations had up to five times the nodes (docs/benchmarks.md, session 13). Each parameter is a
         * sub-select, parsed once per statement and only when an article of that configuration needs it.
         */
        String ownQuery(String alias) {
            if (!ownQueries) {
                return tsqueryPerRow();
            }
            StringBuilder expr = new StringBuilder("case parallax_ts_config(").append(alias).append(".language)");
            for (int i = 0; i < configs.size(); i++) {
                expr.append(" when cast('").append(configs.get(i)).append("' as regconfig) then (select cast(:tsqConfig")
                        .append(i).append(" as tsquery))");
            }
            return expr.append(" else ").append(tsqueryPerRow()).append(" end").toString();
        }

        String tsquery() {
            return "cast(:tsq as tsquery)";
        }

        /**
         * The query for an expression evaluated once per row (a filter, the rank). The parameter arrives as
         * text, and under a generic plan PostgreSQL parses that text into a tsquery again for every row the
         * cast is evaluated on: every article a phrase search rechecks, every candidate it ranks. As a
         * sub-select it is parsed once per statement.
         */
        String tsqueryPerRow() {
            return "(select " + tsquery() + ")";
        }

        /**
         * The query with its phrase operators turned into "and", when it has phrases and no negation (under a
         * negation the looser query would exclude more, not less); null otherwise. The RUM index evaluates
         * phrase operators slowly (it keeps no positions, so every phrase is rechecked against the row
         * anyway): for {@code "sells notes"}, OR-ed over the configurations in use, the index scan took
         * 7.7 ms with the phrases and 2.2 ms with "and". The exact query is then checked on the rows the
         * index hands over, newest first, until enough match.
         */
        String relaxed() {
            if (!query.hasText() || tsquery.indexOf('!') >= 0 || !PHRASE_OPERATOR.matcher(tsquery).find()) {
                return null;
            }
            return PHRASE_OPERATOR.matcher(tsquery).replaceAll("&");
        }

        /** What the conditions are for. */
        enum Use {
            /**
             * The page statement through an index: a phrase query's looser form goes to the index and the exact
             * one is checked as a filter ({@code ts_match_vq} is {@code @@}, written as a function so that the
             * planner does not hand it to the index too).
             */
            SEARCH,
            /** The page statement walking the date index: the query is a filter the planner cannot index. */
            WALK,
            /** The estimate, which keeps the exact operator, whose statistics it needs. */
            ESTIMATE
        }

        String where(Use use) {
            List<String> conditions = new ArrayList<>();
            if (query.hasText() && use == Use.WALK) {
                conditions.add("ts_match_vq(a.search_vector, " + ownQuery("a") + ")");
            } else if (query.hasText() && use == Use.SEARCH && relaxed() != null) {
                conditions.add("a.search_vector @@ cast(:tsqRelaxed as tsquery)");
                conditions.add("ts_match_vq(a.search_vector, " + ownQuery("a") + ")");
            } else if (query.hasText()) {
                conditions.add("a.search_vector @@ " + tsquery());
                if (use == Use.SEARCH && ownQueries) {
                    conditions.add("ts_match_vq(a.search_vector, " + ownQuery("a") + ")");
                }
            }
            if (outletIds != null) {
                conditions.add("a.outlet_id in (:outletIds)");
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

        /** The score of the row called {@code alias}, which has the article's published_at and search_vector. */
        String score(String alias) {
            String recency = "coalesce(0.5 + 0.5 / (1 + greatest(0, extract(epoch from (:reference - " + alias
                    + ".published_at)) / 31557600.0)), 0.5)";
            if (!query.hasText()) {
                return "cast(" + recency + " as float8)";
            }
            return "cast(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', " + alias + ".search_vector, " + ownQuery(alias) + ", 32) * "
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
