package org.parallax.core.alignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.quote.Quote;
import org.parallax.core.quote.QuoteCluster;
import org.parallax.core.quote.QuoteGroup;
import org.parallax.core.quote.QuoteRef;
import org.parallax.core.quote.QuoteSpan;

/**
 * Keeps the stored alignment of stories (passage links, unique passages, quote groups) in step with their
 * membership. Runs inside the transaction that changed the stories; only article pairs never aligned before
 * are aligned, so a story that gains one article aligns it with each member once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlignmentService {

    private final EntityManager em;
    private final StoryAligner aligner = StoryAligner.standard();

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
     * @param moved articles that changed story: their links and aligned pairs with articles now in another
     *     story are dropped (a later merge aligns such a pair again), the rest follow them to their story
     */
    public void refresh(Collection<Long> storyIds, Collection<Long> moved) {
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
        for (long storyId : new HashSet<>(storyIds)) {
            refresh(storyId);
        }
    }

    private void refresh(long storyId) {
        List<Object[]> rows = em.createQuery("select a.id, a.body from Article a where a.story.id = ?1 order by a.id",
                Object[].class).setParameter(1, storyId).getResultList();
        List<Long> ids = rows.stream().map(row -> (Long) row[0]).toList();
        // Links follow the articles: a story adopts the links between its members that a merge or split brought.
        em.createQuery("delete from UniquePassage u where u.storyId = ?1 or u.articleId in ?2")
                .setParameter(1, storyId).setParameter(2, ids.isEmpty() ? List.of(-1L) : ids).executeUpdate();
        em.createQuery("delete from QuoteGroup g where g.storyId = ?1").setParameter(1, storyId).executeUpdate();
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("update PassageLink l set l.storyId = ?1 where l.articleA in ?2 and l.articleB in ?2")
                .setParameter(1, storyId).setParameter(2, ids).executeUpdate();

        List<AlignableArticle> members = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            members.add(AlignableArticle.of((Long) row[0], (String) row[1]));
        }
        List<long[]> missing = missingPairs(ids);
        for (PassageMatch match : aligner.alignPairs(members, missing)) {
            PassageLink.of(storyId, match).persist();
        }
        for (long[] pair : missing) {
            em.createNativeQuery("insert into aligned_pair (article_a, article_b) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, pair[0]).setParameter(2, pair[1]).executeUpdate();
        }
        em.flush();

        List<PassageMatch> links = spansOf(storyId);
        for (AlignableArticle member : members) {
            for (Passage passage : aligner.unique(member, links)) {
                UniquePassage unique = new UniquePassage();
                unique.storyId = storyId;
                unique.articleId = passage.article();
                unique.start = passage.start();
                unique.end = passage.end();
                unique.persist();
            }
        }
        groupQuotes(storyId, ids, links);
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

    private List<long[]> missingPairs(List<Long> ids) {
        Set<String> done = new HashSet<>();
        List<Object[]> aligned = em.createNativeQuery(
                        "select article_a, article_b from aligned_pair where article_a = any(?1) and article_b = any(?1)",
                        Object[].class)
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
        for (Object[] pair : aligned) {
            done.add(((Number) pair[0]).longValue() + ":" + ((Number) pair[1]).longValue());
        }
        List<long[]> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                long a = Math.min(ids.get(i), ids.get(j));
                long b = Math.max(ids.get(i), ids.get(j));
                if (!done.contains(a + ":" + b)) {
                    missing.add(new long[] {a, b});
                }
            }
        }
        return missing;
    }

    private void groupQuotes(long storyId, List<Long> ids, List<PassageMatch> links) {
        List<Quote> quotes = Quote.ofArticles(ids);
        Map<Long, List<QuoteSpan>> spans = new HashMap<>();
        Map<String, Quote> byPlace = new HashMap<>();
        for (Quote quote : quotes) {
            spans.computeIfAbsent(quote.articleId, k -> new ArrayList<>()).add(quote.toSpan());
            byPlace.put(quote.articleId + ":" + quote.start, quote);
        }
        for (QuoteCluster cluster : aligner.groupQuotes(spans, links)) {
            QuoteGroup group = new QuoteGroup();
            group.storyId = storyId;
            group.speaker = cluster.speaker();
            group.persist();
            for (QuoteRef member : cluster.members()) {
                byPlace.get(member.article() + ":" + member.quote().start()).groupId = group.id;
            }
        }
    }
}
