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
        private final List<LocalAlignment.Encoded> quotes;
        private final Map<String, List<Profile>> index = new HashMap<>();

        private Prepared(AlignableArticle article, List<Profile> profiles, List<LocalAlignment.Encoded> quotes) {
            this.article = article;
            this.profiles = profiles;
            this.quotes = quotes;
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

    /** Words are weighed for the story and encoded once for all the alignments of the story. */
    public static final class StoryContext {
        private final TermWeights weights;
        private final LocalAlignment.Encoding encoding = new LocalAlignment.Encoding();

        public StoryContext(TermWeights weights) {
            this.weights = weights;
        }

        public TermWeights weights() {
            return weights;
        }
    }

    public Prepared prepare(AlignableArticle article, StoryContext context) {
        List<Profile> profiles = new ArrayList<>();
        for (AnalysedSentence sentence : article.sentences()) {
            if (sentence.contentWords() >= settings.minContentWords()) {
                profiles.add(new Profile(sentence, context.weights, context.encoding.encode(sentence.tokens())));
            }
        }
        List<LocalAlignment.Encoded> quotes = article.quotes().stream()
                .map(quote -> context.encoding.encode(quote.tokens()))
                .toList();
        return new Prepared(article, profiles, quotes);
    }

    /** Links between two articles, weighing words by these two alone. */
    public List<PassageMatch> align(AlignableArticle a, AlignableArticle b) {
        StoryContext context = new StoryContext(TermWeights.of(List.of(a, b)));
        return align(prepare(a, context), prepare(b, context), context);
    }

    /** Links between two articles prepared in the context of the story they belong to. */
    public List<PassageMatch> align(Prepared a, Prepared b, StoryContext context) {
        TermWeights weights = context.weights;
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
        matches.addAll(sharedQuotations(a, b, matches));
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
    private List<PassageMatch> sharedQuotations(Prepared left, Prepared right, List<PassageMatch> found) {
        AlignableArticle a = left.article;
        AlignableArticle b = right.article;
        List<PassageMatch> matches = new ArrayList<>();
        for (LocalAlignment.Encoded x : left.quotes) {
            Set<String> keys = new HashSet<>();
            x.tokens().forEach(token -> {
                if (token.isContent()) {
                    keys.add(token.key());
                }
            });
            for (LocalAlignment.Encoded y : right.quotes) {
                if (sharedContent(keys, y.tokens()) < settings.minQuoteContent()) {
                    continue;
                }
                LocalAlignment.Result region = LocalAlignment.align(x, y);
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

    private static int sharedContent(Set<String> keys, List<Token> tokens) {
        Set<String> shared = new HashSet<>();
        for (Token token : tokens) {
            if (token.isContent() && keys.contains(token.key())) {
                shared.add(token.key());
            }
        }
        return shared.size();
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
        double dice = dice(x, y);
        int plain = sharedNonNames(x, y);
        boolean paraphrase = dice >= settings.paraphraseDice() && plain >= settings.paraphraseMinShared();
        // A stretch needs that much shared content; the word alignment is the costly part, so skip it when
        // the shared words cannot add up to it (a shared name counts half).
        double reachable = plain + NAME_WEIGHT * (sharedKeys(x, y) - plain);
        LocalAlignment.Result region = reachable >= settings.minRegionContent()
                ? LocalAlignment.align(x.encoded, y.encoded) : null;
        if (region != null && isSubstantial(region)) {
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
        if (!paraphrase) {
            return null;
        }
        // Short sentences can be word for word the same without the content a stretch needs on its own.
        LocalAlignment.Result whole = region != null ? region : LocalAlignment.align(x.encoded, y.encoded);
        if (whole.keyed() == 0 && whole.edits() == 0 && !whole.isEmpty()
                && whole.aTo() - whole.aFrom() >= 0.9 * xs.size() && whole.bTo() - whole.bFrom() >= 0.9 * ys.size()) {
            return link(a, xs.subList(whole.aFrom(), whole.aTo()), b, ys.subList(whole.bFrom(), whole.bTo()),
                    LinkKind.VERBATIM, 1.0);
        }
        return link(a, xs, b, ys, LinkKind.PARAPHRASE, dice);
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

    private static int sharedKeys(Profile x, Profile y) {
        int count = 0;
        for (String key : x.weights.keySet()) {
            if (y.weights.containsKey(key)) {
                count++;
            }
        }
        return count;
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
        final LocalAlignment.Encoded encoded;

        Profile(AnalysedSentence sentence, TermWeights idf, LocalAlignment.Encoded encoded) {
            this.sentence = sentence;
            this.encoded = encoded;
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
