package org.parallax.core.alignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.quote.Quote;
import org.parallax.core.quote.QuoteCluster;
import org.parallax.core.quote.QuoteRef;
import org.parallax.core.quote.QuoteSpan;

/**
 * Keeps the stored alignment of stories (passage links, unique passages, quote groups) in step with their
 * membership. Runs inside a caller's transaction: the one that aligns a queued story
 * ({@code StoryAlignmentQueue}), or an editor's merge or split. Only article pairs never aligned before are
 * aligned, so a story that gains one article aligns it with each member once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlignmentService {

    private static final long ANALYSED_CACHE_CHARS = 1_000_000;

    private final EntityManager em;
    private final StoryAligner aligner = StoryAligner.standard();
    /**
     * Recently analysed articles, least recently used dropped first (see {@link #analysed}), bounded by the
     * characters of their bodies: an analysed article takes roughly 25 bytes per character of its body, so
     * this keeps the cache near 25 MB however long the articles (the hostile-input run has a 256 MB heap).
     */
    private final LinkedHashMap<Long, AlignableArticle> analysed = new LinkedHashMap<>(256, 0.75f, true);
    private long analysedChars;

    public AlignmentService(EntityManager em) {
        this.em = em;
    }

    /** Quotes of a newly grouped article, stored once; grouping them happens in {@link #refresh}. */
    public void storeQuotes(long articleId, String body) {
        for (QuoteSpan span : aligner.quotes(AlignableArticle.of(articleId, body))) {
            Quote.of(articleId, span).persist();
        }
    }

    public void refresh(Collection<Long> storyIds) {
        refresh(storyIds, List.of());
    }

    /**
     * @param moved articles that changed story: their links with articles now in another story are dropped
     *     ({@link #dropCrossStoryLinks}), the rest follow them to their story
     */
    public void refresh(Collection<Long> storyIds, Collection<Long> moved) {
        dropCrossStoryLinks(moved);
        Set<Long> movedIds = new HashSet<>(moved);
        for (long storyId : new HashSet<>(storyIds)) {
            refresh(storyId, movedIds);
        }
    }

    /**
     * Drops the links and aligned pairs of articles that changed story with articles now in another story (a
     * later merge aligns such a pair again). Part of the transaction that moved them: a story's alignment may
     * come later, and must not meet links that reach outside the story.
     */
    public void dropCrossStoryLinks(Collection<Long> moved) {
        if (!moved.isEmpty()) {
            Long[] ids = moved.toArray(Long[]::new);
            em.createNativeQuery("""
                            delete from passage_link l using article a, article b
                            where (l.article_a = any(?1) or l.article_b = any(?1))
                              and a.id = l.article_a and b.id = l.article_b and a.story_id is distinct from b.story_id""")
                    .setParameter(1, ids).executeUpdate();
            em.createNativeQuery("""
                            delete from aligned_pair p using article a, article b
                            where (p.article_a = any(?1) or p.article_b = any(?1))
                              and a.id = p.article_a and b.id = p.article_b and a.story_id is distinct from b.story_id""")
                    .setParameter(1, ids).executeUpdate();
        }
    }

    /**
     * Recomputes one story's alignment from its current members: pairs not aligned before, then its unique
     * passages and quote groups.
     *
     * @param moved articles that joined the story since it was last aligned (their pairs with the members
     *     are aligned even where they already have aligned pairs, with the members of their former story)
     */
    public void refresh(long storyId, Set<Long> moved) {
        // The native statements below read quotes that this transaction may have persisted just now.
        em.flush();
        List<Object[]> rows = em.createQuery("select a.id, a.body from Article a where a.story.id = ?1 order by a.id",
                Object[].class).setParameter(1, storyId).getResultList();
        List<Long> ids = rows.stream().map(row -> (Long) row[0]).toList();
        Long[] idArray = ids.toArray(Long[]::new);
        Long[] movedArray = moved.toArray(Long[]::new);
        // Quotes of the story lose their group through the foreign key (on delete set null).
        em.createNativeQuery("delete from quote_group where story_id = ?1").setParameter(1, storyId).executeUpdate();
        if (ids.isEmpty()) {
            em.createNativeQuery("delete from unique_passage where story_id = ?1").setParameter(1, storyId).executeUpdate();
            return;
        }
        if (movedArray.length > 0) {
            // Links follow the articles: a story adopts the links between its members that a merge or split
            // brought, which all involve an article that moved here.
            em.createNativeQuery("""
                            update passage_link set story_id = ?1
                            where (article_a = any(?3) or article_b = any(?3))
                              and article_a = any(?2) and article_b = any(?2) and story_id <> ?1""")
                    .setParameter(1, storyId).setParameter(2, idArray).setParameter(3, movedArray).executeUpdate();
        }

        List<AlignableArticle> members = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            members.add(analysed((Long) row[0], (String) row[1]));
        }
        // Newcomers: articles that moved here, and members aligned with no other member (a new story's first
        // article, one whose revision dropped its pairs, one left unaligned by a crash).
        Set<Long> newcomers = new LinkedHashSet<>();
        ids.stream().filter(moved::contains).forEach(newcomers::add);
        @SuppressWarnings("unchecked")
        List<Number> unaligned = em.createNativeQuery("""
                        select m from unnest(?1) as m where not exists (select 1 from aligned_pair p
                        where (p.article_a = m and p.article_b = any(?1)) or (p.article_b = m and p.article_a = any(?1)))""")
                .setParameter(1, idArray).getResultList();
        unaligned.forEach(id -> newcomers.add(id.longValue()));
        if (!newcomers.isEmpty()) {
            StoryAligner.Increment increment = aligner.alignNewcomers(members, newcomers, alignedPairs(newcomers, idArray));
            insertLinks(storyId, increment.links());
            em.createNativeQuery("""
                            insert into aligned_pair (article_a, article_b) select * from unnest(?1, ?2)
                            on conflict do nothing""")
                    .setParameter(1, increment.aligned().stream().map(p -> p[0]).toArray(Long[]::new))
                    .setParameter(2, increment.aligned().stream().map(p -> p[1]).toArray(Long[]::new))
                    .executeUpdate();
        }

        List<PassageMatch> links = spansOf(storyId);
        replaceUniquePassages(storyId, movedArray, aligner.unique(members, links));
        groupQuotes(storyId, idArray, links);
    }

    /**
     * Stores a story's unique passages, writing only the difference: one more article changes the unique
     * passages of the members it links to and its own, and rewriting all of them (each row checked against
     * two foreign keys and announced to the reader pages) was the most expensive statement of an assignment.
     * Rows of articles that moved here, stored under their former story, are replaced.
     */
    private void replaceUniquePassages(long storyId, Long[] moved, List<Passage> unique) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, story_id, article_id, start_offset, end_offset from unique_passage
                        where story_id = ?1 or article_id = any(?2)""")
                .setParameter(1, storyId).setParameter(2, moved).getResultList();
        Map<Passage, Long> stored = new HashMap<>();
        List<Long> stale = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            Passage passage = new Passage(((Number) row[2]).longValue(), ((Number) row[3]).intValue(),
                    ((Number) row[4]).intValue());
            if (((Number) row[1]).longValue() != storyId || stored.putIfAbsent(passage, id) != null) {
                stale.add(id);
            }
        }
        Set<Passage> wanted = new HashSet<>(unique);
        stored.forEach((passage, id) -> {
            if (!wanted.contains(passage)) {
                stale.add(id);
            }
        });
        if (!stale.isEmpty()) {
            em.createNativeQuery("delete from unique_passage where id = any(?1)")
                    .setParameter(1, stale.toArray(Long[]::new)).executeUpdate();
        }
        List<Passage> added = unique.stream().filter(passage -> !stored.containsKey(passage)).distinct().toList();
        if (!added.isEmpty()) {
            em.createNativeQuery("""
                            insert into unique_passage (story_id, article_id, start_offset, end_offset)
                            select ?1, * from unnest(?2, ?3, ?4)""")
                    .setParameter(1, storyId)
                    .setParameter(2, added.stream().map(Passage::article).toArray(Long[]::new))
                    .setParameter(3, added.stream().map(Passage::start).toArray(Integer[]::new))
                    .setParameter(4, added.stream().map(Passage::end).toArray(Integer[]::new))
                    .executeUpdate();
        }
    }

    /**
     * The analysed article, from a small cache: a story is realigned on every arrival, and analysing each
     * member's body again (sentences, words, quotations) was a third of an assignment's time in a big story.
     * The cached copy is used only while the body is the same text.
     */
    private AlignableArticle analysed(long id, String body) {
        synchronized (analysed) {
            AlignableArticle cached = analysed.get(id);
            if (cached != null && cached.body().equals(body)) {
                return cached;
            }
        }
        AlignableArticle fresh = AlignableArticle.of(id, body);
        synchronized (analysed) {
            AlignableArticle replaced = analysed.put(id, fresh);
            analysedChars += body.length() - (replaced == null ? 0 : replaced.body().length());
            for (var eldest = analysed.entrySet().iterator(); analysedChars > ANALYSED_CACHE_CHARS && eldest.hasNext(); ) {
                analysedChars -= eldest.next().getValue().body().length();
                eldest.remove();
            }
        }
        return fresh;
    }

    private Set<String> alignedPairs(Collection<Long> newcomers, Long[] members) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select article_a, article_b from aligned_pair
                        where (article_a = any(?1) and article_b = any(?2)) or (article_b = any(?1) and article_a = any(?2))""")
                .setParameter(1, newcomers.toArray(Long[]::new)).setParameter(2, members).getResultList();
        Set<String> done = new HashSet<>();
        for (Object[] pair : rows) {
            done.add(((Number) pair[0]).longValue() + ":" + ((Number) pair[1]).longValue());
        }
        return done;
    }

    /** One statement for all the new links, rather than one insert per link. */
    private void insertLinks(long storyId, List<PassageMatch> links) {
        if (links.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into passage_link (story_id, article_a, a_start, a_end, article_b, b_start, b_end, kind, score, diff)
                        select ?1, a, s1, e1, b, s2, e2, k, sc, d::jsonb
                        from unnest(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) as t(a, s1, e1, b, s2, e2, k, sc, d)""")
                .setParameter(1, storyId)
                .setParameter(2, links.stream().map(PassageMatch::articleA).toArray(Long[]::new))
                .setParameter(3, links.stream().map(PassageMatch::aStart).toArray(Integer[]::new))
                .setParameter(4, links.stream().map(PassageMatch::aEnd).toArray(Integer[]::new))
                .setParameter(5, links.stream().map(PassageMatch::articleB).toArray(Long[]::new))
                .setParameter(6, links.stream().map(PassageMatch::bStart).toArray(Integer[]::new))
                .setParameter(7, links.stream().map(PassageMatch::bEnd).toArray(Integer[]::new))
                .setParameter(8, links.stream().map(l -> l.kind().dbValue()).toArray(String[]::new))
                .setParameter(9, links.stream().map(l -> (float) l.score()).toArray(Float[]::new))
                .setParameter(10, links.stream().map(l -> DiffJson.write(l.diff())).toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * The story's links as spans only, without word differences and without loading entities: finding
     * unique passages and grouping quotes needs no more. A story of dozens of near-identical articles has
     * over 100,000 links; as managed entities with their diffs they exhausted a 256 MB heap
     * (bench/reliability/hostile.sh).
     */
    private List<PassageMatch> spansOf(long storyId) {
        List<Object[]> rows = em.createNativeQuery("select article_a, a_start, a_end, article_b, b_start, b_end, kind, "
                        + "score from passage_link where story_id = ?1 order by article_a, a_start, article_b, b_start",
                        Object[].class)
                .setParameter(1, storyId).getResultList();
        List<PassageMatch> links = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            links.add(new PassageMatch(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                    LinkKind.fromDbValue((String) r[6]), ((Number) r[7]).doubleValue(), List.of()));
        }
        return links;
    }

    /** Quote groups from the links, written with a few statements whatever the number of quotes. */
    private void groupQuotes(long storyId, Long[] ids, List<PassageMatch> links) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, article_id, start_offset, end_offset, text, speaker, nested from quote
                        where article_id = any(?1) order by article_id, start_offset""")
                .setParameter(1, ids).getResultList();
        Map<Long, List<QuoteSpan>> spans = new HashMap<>();
        Map<String, Long> byPlace = new HashMap<>();
        for (Object[] row : rows) {
            long article = ((Number) row[1]).longValue();
            QuoteSpan span = new QuoteSpan(((Number) row[2]).intValue(), ((Number) row[3]).intValue(), (String) row[4],
                    (String) row[5], (Boolean) row[6]);
            spans.computeIfAbsent(article, k -> new ArrayList<>()).add(span);
            byPlace.put(article + ":" + span.start(), ((Number) row[0]).longValue());
        }
        List<QuoteCluster> clusters = aligner.groupQuotes(spans, links);
        if (clusters.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> groupIds = em.createNativeQuery(
                        "select nextval(pg_get_serial_sequence('quote_group', 'id')) from generate_series(1, ?1)")
                .setParameter(1, clusters.size()).getResultList();
        List<Long> quoteIds = new ArrayList<>();
        List<Long> quoteGroups = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (QuoteRef member : clusters.get(i).members()) {
                quoteIds.add(byPlace.get(member.article() + ":" + member.quote().start()));
                quoteGroups.add(groupIds.get(i).longValue());
            }
        }
        em.createNativeQuery("insert into quote_group (id, story_id, speaker) select g, ?1, s from unnest(?2, ?3) as t(g, s)")
                .setParameter(1, storyId)
                .setParameter(2, groupIds.stream().map(Number::longValue).toArray(Long[]::new))
                .setParameter(3, clusters.stream().map(QuoteCluster::speaker).toArray(String[]::new))
                .executeUpdate();
        em.createNativeQuery("update quote q set group_id = t.g from unnest(?1, ?2) as t(id, g) where q.id = t.id")
                .setParameter(1, quoteIds.toArray(Long[]::new)).setParameter(2, quoteGroups.toArray(Long[]::new))
                .executeUpdate();
    }
}
