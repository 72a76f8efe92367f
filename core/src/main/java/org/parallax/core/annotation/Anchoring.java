package org.parallax.core.annotation;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds an annotation's passage again after an article's text changed, or says it is gone.
 *
 * <p>In order: the old position, if the quoted text is still there and its context agrees; then every
 * place the exact quote occurs, chosen by how much surrounding text agrees with the stored prefix and
 * suffix; then, for a quote whose own words were lightly edited, the span between its stored prefix and
 * suffix when that span is still close to the quote. A candidate is accepted only when the evidence
 * singles it out: two look-alike passages with equally good context leave the annotation
 * {@link Result#orphaned orphaned} rather than moved to the wrong one.
 */
public final class Anchoring {

    /** Context characters that must agree (of what is available) for a repeated quote to be placed. */
    private static final double MIN_CONTEXT_AGREEMENT = 0.5;
    /** Longest quote edit still treated as the same passage: this share of its characters. */
    private static final double MAX_EDIT_RATIO = 0.2;

    private Anchoring() {
    }

    /** Where the annotation lands, or why it could not. */
    public record Result(boolean anchored, TextQuote quote, String how) {
        static Result at(String text, int start, int end, String how) {
            return new Result(true, TextQuote.of(text, start, end), how);
        }

        static Result orphaned(String why) {
            return new Result(false, null, why);
        }
    }

    public static Result anchor(TextQuote quote, String text) {
        String exact = quote.exact();
        // A quote sent without a position (start and end 0) has none to keep, even when the text starts with it.
        boolean positioned = quote.end() - quote.start() == exact.length();
        if (positioned && quote.end() <= text.length() && text.startsWith(exact, quote.start())
                && contextAgreement(quote, text, quote.start()) >= MIN_CONTEXT_AGREEMENT) {
            return Result.at(text, quote.start(), quote.end(), "position");
        }
        List<Integer> occurrences = occurrences(text, exact);
        if (!occurrences.isEmpty()) {
            return byQuote(quote, text, occurrences);
        }
        return byContext(quote, text);
    }

    private static Result byQuote(TextQuote quote, String text, List<Integer> occurrences) {
        int best = -1;
        double bestScore = -1;
        double secondScore = -1;
        for (int at : occurrences) {
            double score = contextAgreement(quote, text, at);
            if (score > bestScore) {
                secondScore = bestScore;
                bestScore = score;
                best = at;
            } else if (score > secondScore) {
                secondScore = score;
            }
        }
        int length = quote.exact().length();
        // Even a long quote found once may be a look-alike (a pull quote, a repeated statement): its
        // surroundings must agree too.
        if (occurrences.size() == 1 && bestScore >= MIN_CONTEXT_AGREEMENT) {
            return Result.at(text, best, best + length, "quote");
        }
        if (occurrences.size() > 1 && bestScore >= MIN_CONTEXT_AGREEMENT && bestScore > secondScore) {
            return Result.at(text, best, best + length, "quote and context");
        }
        return Result.orphaned(occurrences.size() > 1
                ? "the quote occurs " + occurrences.size() + " times and its context does not single one out"
                : "the quote occurs once, but in different surroundings");
    }

    /** The quote's words changed a little: look between its surviving prefix and suffix. */
    private static Result byContext(TextQuote quote, String text) {
        String prefix = tail(quote.prefix(), 16);
        String suffix = head(quote.suffix(), 16);
        if (prefix.length() < 8 || suffix.length() < 8) {
            return Result.orphaned("the quoted text is gone");
        }
        List<Integer> prefixes = occurrences(text, prefix);
        if (prefixes.size() != 1) {
            return Result.orphaned("the quoted text is gone");
        }
        int start = prefixes.get(0) + prefix.length();
        int maxLength = (int) Math.ceil(quote.exact().length() * (1 + MAX_EDIT_RATIO));
        int end = text.indexOf(suffix, start);
        if (end < 0 || end - start > maxLength || end == start) {
            return Result.orphaned("the quoted text is gone");
        }
        String candidate = text.substring(start, end);
        double distance = editDistance(candidate, quote.exact()) / (double) quote.exact().length();
        if (distance > MAX_EDIT_RATIO) {
            return Result.orphaned("the quoted text was rewritten");
        }
        return Result.at(text, start, end, "context (text lightly edited)");
    }

    /** Share of the stored context characters that agree around a candidate, 1.0 when none is stored. */
    static double contextAgreement(TextQuote quote, String text, int at) {
        int available = quote.prefix().length() + quote.suffix().length();
        if (available == 0) {
            return 1.0;
        }
        int agree = commonSuffix(quote.prefix(), text.substring(Math.max(0, at - quote.prefix().length()), at))
                + commonPrefix(quote.suffix(), text.substring(Math.min(text.length(), at + quote.exact().length()),
                Math.min(text.length(), at + quote.exact().length() + quote.suffix().length())));
        return agree / (double) available;
    }

    private static List<Integer> occurrences(String text, String needle) {
        List<Integer> found = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            found.add(i);
        }
        return found;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static String tail(String s, int n) {
        return s.substring(Math.max(0, s.length() - n));
    }

    private static String head(String s, int n) {
        return s.substring(0, Math.min(s.length(), n));
    }

    /** Levenshtein distance with two rows; quotes are sentences, so this stays small. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
