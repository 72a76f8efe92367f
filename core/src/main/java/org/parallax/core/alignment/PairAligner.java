package org.parallax.core.alignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.text.AnalysedSentence;
import org.parallax.core.text.Token;

/**
 * Links the passages two articles share. Candidate sentence pairs come from shared content words, the way
 * text-reuse detectors find candidates through shared n-grams; each candidate is then scored twice:
 * <ul>
 *   <li>a word alignment that tolerates small edits (Smith-Waterman): a long, dense aligned stretch is a
 *       {@code verbatim} or {@code near} link spanning exactly that stretch, e.g. a quotation inside
 *       differently worded attributions;</li>
 *   <li>a weighted overlap of content words after stemming and synonym mapping, for passages worded
 *       differently (two translations of one statement): a {@code paraphrase} link spanning both sentences.</li>
 * </ul>
 * Words are weighted by how rare they are among the sentences of the story ({@link TermWeights}) and names
 * count half, so that sentences sharing only "President Vladimir Putin" or "the Kremlin" are never linked.
 */
public final class PairAligner {

    private static final double NAME_WEIGHT = 0.5;
    /** A stretch covering this share of one of its sentences is that sentence's counterpart. */
    private static final double SENTENCE_COVER = 0.6;
    /** Fewer shared content words can make neither a substantial stretch nor a paraphrase. */
    private static final int MIN_SHARED_KEYS = 3;

    private final AlignmentSettings settings;

    public PairAligner(AlignmentSettings settings) {
        this.settings = settings;
    }

    /** An article with its sentences weighed for one story; prepare once, align with every other member. */
    public static final class Prepared {
        private final AlignableArticle article;
        private final List<Profile> profiles;
        private final Map<String, List<Profile>> index = new HashMap<>();

        private Prepared(AlignableArticle article, List<Profile> profiles) {
            this.article = article;
            this.profiles = profiles;
            for (Profile profile : profiles) {
                for (String key : profile.weights.keySet()) {
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(profile);
                }
            }
        }

        public AlignableArticle article() {
            return article;
        }
    }

    public Prepared prepare(AlignableArticle article, TermWeights weights) {
        List<Profile> profiles = new ArrayList<>();
        for (AnalysedSentence sentence : article.sentences()) {
            if (sentence.contentWords() >= settings.minContentWords()) {
                profiles.add(new Profile(sentence, weights));
            }
        }
        return new Prepared(article, profiles);
    }

    /** Links between two articles, weighing words by these two alone. */
    public List<PassageMatch> align(AlignableArticle a, AlignableArticle b) {
        TermWeights weights = TermWeights.of(List.of(a, b));
        return align(prepare(a, weights), prepare(b, weights), weights);
    }

    /** Links between two articles prepared with the weights of the story they belong to. */
    public List<PassageMatch> align(Prepared a, Prepared b, TermWeights weights) {
        List<PassageMatch> matches = new ArrayList<>();
        List<Candidate> weak = new ArrayList<>();
        Set<Profile> linked = new HashSet<>();
        for (Profile x : a.profiles) {
            Map<Profile, Integer> shared = new HashMap<>();
            for (String key : x.weights.keySet()) {
                for (Profile y : b.index.getOrDefault(key, List.of())) {
                    shared.merge(y, 1, Integer::sum);
                }
            }
            for (Map.Entry<Profile, Integer> entry : shared.entrySet()) {
                if (entry.getValue() < MIN_SHARED_KEYS) {
                    continue;
                }
                Candidate candidate = new Candidate(x, entry.getKey());
                PassageMatch match = strongLink(a.article, b.article, candidate);
                if (match != null) {
                    matches.add(match);
                    linked.add(candidate.x);
                    linked.add(candidate.y);
                } else if (isAnchored(candidate, weights)) {
                    weak.add(candidate);
                }
            }
        }
        // Rare shared words are weaker evidence: they only link sentences that have no better counterpart.
        for (Candidate candidate : weak) {
            if (!linked.contains(candidate.x) && !linked.contains(candidate.y)) {
                matches.add(link(a.article, candidate.x.sentence.tokens(), b.article, candidate.y.sentence.tokens(),
                        LinkKind.PARAPHRASE, dice(candidate.x, candidate.y)));
            }
        }
        matches.addAll(sharedQuotations(a.article, b.article, matches));
        matches.sort((m, n) -> m.aStart() != n.aStart() ? Integer.compare(m.aStart(), n.aStart())
                : Integer.compare(m.bStart(), n.bStart()));
        return matches;
    }

    private record Candidate(Profile x, Profile y) {
    }

    /**
     * Quotations both articles carry word for word, found quotation by quotation: a quotation may be shorter
     * than a sentence ("We know how to win elections") or run over several, split differently by each outlet.
     * Quotation marks on both sides make a short verbatim stretch trustworthy; stretches the sentence pass
     * already linked are not linked twice.
     */
    private List<PassageMatch> sharedQuotations(AlignableArticle a, AlignableArticle b, List<PassageMatch> found) {
        List<PassageMatch> matches = new ArrayList<>();
        for (AlignableArticle.QuotedWords x : a.quotes()) {
            Set<String> words = new HashSet<>();
            x.tokens().forEach(token -> words.add(token.norm()));
            for (AlignableArticle.QuotedWords y : b.quotes()) {
                if (y.tokens().stream().filter(token -> words.contains(token.norm())).limit(settings.minQuoteWords()).count()
                        < settings.minQuoteWords()) {
                    continue;
                }
                LocalAlignment.Result region = LocalAlignment.align(x.tokens(), y.tokens());
                if (!isQuotedStretch(region, x.tokens(), y.tokens())) {
                    continue;
                }
                List<Token> aWords = x.tokens().subList(region.aFrom(), region.aTo());
                List<Token> bWords = y.tokens().subList(region.bFrom(), region.bTo());
                int start = aWords.get(0).start();
                int end = aWords.get(aWords.size() - 1).end();
                boolean known = found.stream().anyMatch(link -> link.kind() != LinkKind.PARAPHRASE
                        && covered(link.aStart(), link.aEnd(), start, end))
                        || matches.stream().anyMatch(link -> covered(link.aStart(), link.aEnd(), start, end));
                if (!known) {
                    boolean verbatim = region.keyed() == 0 && region.edits() == 0;
                    matches.add(link(a, aWords, b, bWords, verbatim ? LinkKind.VERBATIM : LinkKind.NEAR,
                            (region.exact() + 0.5 * region.keyed()) / region.columns()));
                }
            }
        }
        return matches;
    }

    /**
     * A stretch long and dense enough that is most of one of the two quotations: a phrase that two different
     * quotations merely share ("information and communication technologies") is not a shared quotation.
     */
    private boolean isQuotedStretch(LocalAlignment.Result region, List<Token> words, List<Token> others) {
        if (region.isEmpty() || region.exact() + region.keyed() < settings.minQuoteWords()) {
            return false;
        }
        double cover = Math.max((double) (region.aTo() - region.aFrom()) / words.size(),
                (double) (region.bTo() - region.bFrom()) / others.size());
        if (cover < SENTENCE_COVER) {
            return false;
        }
        double content = region.contentExact() - NAME_WEIGHT * region.namesExact();
        int chars = words.get(region.aTo() - 1).end() - words.get(region.aFrom()).start();
        double agreement = (region.exact() + region.keyed()) / (double) region.columns();
        return content >= settings.minQuoteContent() && chars >= settings.minQuoteChars()
                && agreement >= settings.nearRatio();
    }

    /** Whether {@code [start, end)} lies (90%) inside {@code [from, to)}. */
    private static boolean covered(int from, int to, int start, int end) {
        int overlap = Math.min(to, end) - Math.max(from, start);
        return overlap >= 0.9 * (end - start);
    }

    /** A verbatim or near stretch, or a paraphrase on overall content-word overlap; null if neither. */
    private PassageMatch strongLink(AlignableArticle a, AlignableArticle b, Candidate candidate) {
        Profile x = candidate.x;
        Profile y = candidate.y;
        List<Token> xs = x.sentence.tokens();
        List<Token> ys = y.sentence.tokens();
        LocalAlignment.Result region = LocalAlignment.align(xs, ys);
        double dice = dice(x, y);
        boolean paraphrase = dice >= settings.paraphraseDice() && sharedNonNames(x, y) >= settings.paraphraseMinShared();
        if (isSubstantial(region)) {
            double cover = Math.max((double) (region.aTo() - region.aFrom()) / xs.size(),
                    (double) (region.bTo() - region.bFrom()) / ys.size());
            boolean verbatim = region.keyed() == 0 && region.edits() == 0;
            double agreement = (region.exact() + region.keyed()) / (double) region.columns();
            if ((verbatim || agreement >= settings.nearRatio()) && (cover >= SENTENCE_COVER || !paraphrase)) {
                List<Token> aWords = xs.subList(region.aFrom(), region.aTo());
                List<Token> bWords = ys.subList(region.bFrom(), region.bTo());
                return link(a, aWords, b, bWords, verbatim ? LinkKind.VERBATIM : LinkKind.NEAR,
                        (region.exact() + 0.5 * region.keyed()) / region.columns());
            }
        }
        return paraphrase ? link(a, xs, b, ys, LinkKind.PARAPHRASE, dice) : null;
    }

    private boolean isSubstantial(LocalAlignment.Result region) {
        double content = region.contentExact() - NAME_WEIGHT * region.namesExact();
        return !region.isEmpty() && region.exact() + region.keyed() >= settings.minRegionWords()
                && content >= settings.minRegionContent();
    }

    private boolean isAnchored(Candidate candidate, TermWeights weights) {
        return sharedNonNames(candidate.x, candidate.y) >= settings.paraphraseMinShared()
                && sharedRare(candidate.x, candidate.y, weights) >= settings.anchorWords()
                && dice(candidate.x, candidate.y) >= settings.anchoredDice();
    }

    private static PassageMatch link(AlignableArticle a, List<Token> aWords, AlignableArticle b, List<Token> bWords,
            LinkKind kind, double score) {
        int[] aSpan = Spans.balance(a.body(), aWords.get(0).start(), aWords.get(aWords.size() - 1).end());
        int[] bSpan = Spans.balance(b.body(), bWords.get(0).start(), bWords.get(bWords.size() - 1).end());
        List<DiffOp> diff = kind == LinkKind.VERBATIM ? List.of() : WordDiff.diff(a.body(), aWords, b.body(), bWords);
        return new PassageMatch(a.id(), aSpan[0], aSpan[1], b.id(), bSpan[0], bSpan[1], kind, Math.min(1.0, score),
                diff);
    }

    /** Weighted Dice overlap of two sentences' content words. */
    private static double dice(Profile x, Profile y) {
        double shared = 0;
        for (Map.Entry<String, Double> entry : x.weights.entrySet()) {
            Double other = y.weights.get(entry.getKey());
            if (other != null) {
                shared += Math.min(entry.getValue(), other);
            }
        }
        return 2 * shared / (x.total + y.total);
    }

    private static int sharedRare(Profile x, Profile y, TermWeights weights) {
        int count = 0;
        for (String key : x.weights.keySet()) {
            if (y.weights.containsKey(key) && weights.isRare(key)) {
                count++;
            }
        }
        return count;
    }

    private static int sharedNonNames(Profile x, Profile y) {
        int count = 0;
        for (String key : x.plainKeys) {
            if (y.plainKeys.contains(key)) {
                count++;
            }
        }
        return count;
    }

    /** A sentence's content words with their weights. */
    private static final class Profile {
        final AnalysedSentence sentence;
        final Map<String, Double> weights = new HashMap<>();
        /** Content words used at least once in lower case: not names. */
        final Set<String> plainKeys = new HashSet<>();
        final double total;

        Profile(AnalysedSentence sentence, TermWeights idf) {
            this.sentence = sentence;
            List<Token> tokens = sentence.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (!token.isContent()) {
                    continue;
                }
                boolean name = token.capitalised() && i > 0;
                double weight = idf.of(token.key()) * (name ? NAME_WEIGHT : 1.0);
                weights.merge(token.key(), weight, Math::max);
                if (!name) {
                    plainKeys.add(token.key());
                }
            }
            this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
