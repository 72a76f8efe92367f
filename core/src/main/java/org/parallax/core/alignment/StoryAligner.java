package org.parallax.core.alignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.quote.QuoteCluster;
import org.parallax.core.quote.QuoteGrouper;
import org.parallax.core.quote.QuoteSpan;
import org.parallax.core.text.AnalysedSentence;

/**
 * Aligns the articles of one story: passage links between pairs, the passages only one article carries, and
 * quotes grouped across articles. Pure: the application stores what it returns. Pairs can be aligned
 * incrementally, so that a story that gains one article only aligns the newcomer with each member.
 */
public final class StoryAligner {

    private final AlignmentSettings settings;
    private final PairAligner pairs;
    private final QuoteGrouper grouper = new QuoteGrouper();

    public StoryAligner(AlignmentSettings settings) {
        this.settings = settings;
        this.pairs = new PairAligner(settings);
    }

    public static StoryAligner standard() {
        return new StoryAligner(AlignmentSettings.defaults());
    }

    /** Everything about a story aligned at once. */
    public record Result(List<PassageMatch> links, List<Passage> unique, List<QuoteCluster> quotes) {
    }

    public Result align(List<AlignableArticle> members) {
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                all.add(new long[] {members.get(i).id(), members.get(j).id()});
            }
        }
        List<PassageMatch> links = alignPairs(members, all);
        List<Passage> unique = new ArrayList<>();
        Map<Long, List<QuoteSpan>> found = new LinkedHashMap<>();
        for (AlignableArticle article : members) {
            unique.addAll(unique(article, links));
            found.put(article.id(), quotes(article));
        }
        return new Result(links, unique, groupQuotes(found, links));
    }

    /**
     * Links for the given pairs of member ids; words are weighed over all members.
     *
     * @param pairs article id pairs, each aligned once whatever its order
     */
    public List<PassageMatch> alignPairs(List<AlignableArticle> members, Collection<long[]> pairs) {
        PairAligner.StoryContext context = new PairAligner.StoryContext(TermWeights.of(members));
        Map<Long, PairAligner.Prepared> prepared = new HashMap<>();
        for (AlignableArticle member : members) {
            prepared.put(member.id(), this.pairs.prepare(member, context));
        }
        List<PassageMatch> links = new ArrayList<>();
        for (long[] pair : pairs) {
            long a = Math.min(pair[0], pair[1]);
            long b = Math.max(pair[0], pair[1]);
            links.addAll(this.pairs.align(prepared.get(a), prepared.get(b), context));
        }
        return links;
    }

    /** Sentences of the article that no link touches (too short ones aside). */
    public List<Passage> unique(AlignableArticle article, Collection<PassageMatch> links) {
        List<Passage> unique = new ArrayList<>();
        for (AnalysedSentence sentence : article.sentences()) {
            if (sentence.contentWords() < settings.minContentWords()) {
                continue;
            }
            boolean linked = links.stream().anyMatch(link -> link.touches(article.id(), sentence.start(), sentence.end()));
            if (!linked) {
                unique.add(new Passage(article.id(), sentence.start(), sentence.end()));
            }
        }
        return unique;
    }

    public List<QuoteSpan> quotes(AlignableArticle article) {
        return article.quotes().stream().map(AlignableArticle.QuotedWords::quote).toList();
    }

    public List<QuoteCluster> groupQuotes(Map<Long, List<QuoteSpan>> quotesByArticle, List<PassageMatch> links) {
        return grouper.group(quotesByArticle, links);
    }
}
