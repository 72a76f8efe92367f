package org.parallax.core.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parallax.core.alignment.PassageMatch;

/**
 * Groups quotes across the articles of a story: two quotes are the same when a passage link joins them,
 * that is when the link's span covers most of each quote (or each quote covers most of the span). Grouping
 * reuses the alignment, so a quote rendered in two translations is traced as well as a verbatim one.
 */
public final class QuoteGrouper {

    private static final double COVER = 0.5;

    public List<QuoteCluster> group(Map<Long, List<QuoteSpan>> quotesByArticle, List<PassageMatch> links) {
        List<QuoteRef> all = new ArrayList<>();
        quotesByArticle.forEach((article, quotes) -> quotes.forEach(quote -> all.add(new QuoteRef(article, quote))));
        all.sort(Comparator.comparingLong(QuoteRef::article).thenComparingInt(ref -> ref.quote().start()));
        Map<QuoteRef, QuoteRef> parent = new HashMap<>();
        all.forEach(ref -> parent.put(ref, ref));
        for (PassageMatch link : links) {
            for (QuoteRef a : covered(quotesByArticle, link.articleA(), link.aStart(), link.aEnd())) {
                for (QuoteRef b : covered(quotesByArticle, link.articleB(), link.bStart(), link.bEnd())) {
                    parent.put(find(parent, a), find(parent, b));
                }
            }
        }
        Map<QuoteRef, List<QuoteRef>> groups = new LinkedHashMap<>();
        for (QuoteRef ref : all) {
            groups.computeIfAbsent(find(parent, ref), k -> new ArrayList<>()).add(ref);
        }
        return groups.values().stream().map(members -> new QuoteCluster(speaker(members), members)).toList();
    }

    private static List<QuoteRef> covered(Map<Long, List<QuoteSpan>> quotesByArticle, long article, int start, int end) {
        List<QuoteRef> result = new ArrayList<>();
        for (QuoteSpan quote : quotesByArticle.getOrDefault(article, List.of())) {
            int overlap = Math.min(end, quote.end()) - Math.max(start, quote.start());
            int shorter = Math.min(end - start, quote.end() - quote.start());
            if (overlap > 0 && shorter > 0 && overlap >= COVER * shorter) {
                result.add(new QuoteRef(article, quote));
            }
        }
        return result;
    }

    /** The speaker most members name; a name beats a description ("Putin" over "the Russian president"). */
    private static String speaker(List<QuoteRef> members) {
        Map<String, Long> counts = members.stream()
                .map(ref -> ref.quote().speaker())
                .filter(speaker -> speaker != null && !SpeakerFinder.isPronoun(speaker))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(entry -> Character.isUpperCase(entry.getKey().charAt(0))))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static QuoteRef find(Map<QuoteRef, QuoteRef> parent, QuoteRef ref) {
        QuoteRef root = ref;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(ref, root);
        return root;
    }
}
