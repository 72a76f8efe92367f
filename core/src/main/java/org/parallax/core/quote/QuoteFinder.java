package org.parallax.core.quote;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quotations in an article body: typographic (“…”, ‘…’, «…») and straight ("…", '…') marks, quotes
 * nested in quotes, apostrophes told apart from single quotation marks. A quotation left open at the end of
 * a paragraph is closed there (news style reopens it on the next paragraph). The speaker comes from the
 * attribution around the quote ({@link SpeakerFinder}).
 */
public final class QuoteFinder {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String SPEAKER_SCOPE_BREAK = "\n\n";

    private final int minWords;
    private final SpeakerFinder speakers = new SpeakerFinder();

    /** @param minWords shorter quotes (scare quotes such as 'meddling') are not reported */
    public QuoteFinder(int minWords) {
        this.minWords = minWords;
    }

    public static QuoteFinder standard() {
        return new QuoteFinder(3);
    }

    private enum Mark { DOUBLE, SINGLE }

    private record Open(Mark mark, int position) {
    }

    public List<QuoteSpan> find(String body) {
        List<QuoteSpan> quotes = new ArrayList<>();
        int paragraphStart = 0;
        while (paragraphStart <= body.length()) {
            int paragraphEnd = body.indexOf(SPEAKER_SCOPE_BREAK, paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = body.length();
            }
            scan(body, paragraphStart, paragraphEnd, quotes);
            paragraphStart = paragraphEnd + SPEAKER_SCOPE_BREAK.length();
        }
        return resolvePronouns(body, quotes);
    }

    private void scan(String body, int from, int to, List<QuoteSpan> quotes) {
        Deque<Open> stack = new ArrayDeque<>();
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            char before = i > from ? body.charAt(i - 1) : ' ';
            char after = i + 1 < to ? body.charAt(i + 1) : ' ';
            switch (c) {
                case '“', '«', '„' -> stack.push(new Open(Mark.DOUBLE, i));
                case '”', '»' -> close(body, stack, Mark.DOUBLE, i, quotes, from, to);
                case '"' -> {
                    if (contains(stack, Mark.DOUBLE) && !Character.isWhitespace(before)) {
                        close(body, stack, Mark.DOUBLE, i, quotes, from, to);
                    } else if (opensHere(before, after)) {
                        stack.push(new Open(Mark.DOUBLE, i));
                    }
                }
                case '‘' -> stack.push(new Open(Mark.SINGLE, i));
                case '’', '\'' -> {
                    if (Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after)) {
                        continue; // an apostrophe: don't, Russia's
                    }
                    if (contains(stack, Mark.SINGLE) && !Character.isWhitespace(before)) {
                        close(body, stack, Mark.SINGLE, i, quotes, from, to);
                    } else if (c == '\'' && opensHere(before, after)) {
                        stack.push(new Open(Mark.SINGLE, i));
                    }
                }
                default -> {
                }
            }
        }
        // A double quote still open at the paragraph's end runs to it; a lone single mark was an apostrophe.
        while (!stack.isEmpty()) {
            Open open = stack.pollLast();
            if (open.mark == Mark.DOUBLE) {
                emit(body, open.position, to, stack.size(), quotes, from, to);
                stack.clear();
            }
        }
    }

    private static boolean opensHere(char before, char after) {
        return (Character.isWhitespace(before) || "([—–-:".indexOf(before) >= 0) && !Character.isWhitespace(after);
    }

    private static boolean contains(Deque<Open> stack, Mark mark) {
        return stack.stream().anyMatch(open -> open.mark == mark);
    }

    private void close(String body, Deque<Open> stack, Mark mark, int at, List<QuoteSpan> quotes, int from, int to) {
        while (!stack.isEmpty()) {
            Open open = stack.pop();
            if (open.mark == mark) {
                emit(body, open.position, at, stack.size(), quotes, from, to);
                return;
            }
        }
    }

    /** Records the quote between a mark at {@code open} and one at {@code close} (or the paragraph end). */
    private void emit(String body, int open, int close, int depth, List<QuoteSpan> quotes, int from, int to) {
        int start = open + 1;
        int end = close;
        while (start < end && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(body.charAt(end - 1)) || ",;:".indexOf(body.charAt(end - 1)) >= 0)) {
            end--;
        }
        String text = body.substring(start, end);
        if (wordCount(text) < minWords) {
            return;
        }
        String speaker = depth > 0 ? null : speakers.find(body, from, to, open, Math.min(close + 1, to));
        quotes.add(new QuoteSpan(start, end, text, speaker, depth > 0));
    }

    private static int wordCount(String text) {
        Matcher matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /**
     * A quote without attribution continues the previous one's speaker when it follows it in the same
     * paragraph, or opens the paragraph after a quote that ran to the end of its own (news style for a
     * quotation over several paragraphs). "he said" names no one; news style means the person last quoted by name, so a pronoun takes the
     * previous top-level quote's speaker when that quote is close by (same or previous paragraph).
     */
    private static List<QuoteSpan> resolvePronouns(String body, List<QuoteSpan> quotes) {
        quotes.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<QuoteSpan> resolved = new ArrayList<>(quotes.size());
        QuoteSpan lastNamed = null;
        QuoteSpan previous = null;
        for (QuoteSpan quote : quotes) {
            QuoteSpan current = quote;
            if (quote.speaker() == null && !quote.nested() && previous != null && previous.speaker() != null
                    && continuesFrom(body, previous, quote)) {
                current = new QuoteSpan(quote.start(), quote.end(), quote.text(), previous.speaker(), false);
            } else if (quote.speaker() != null && SpeakerFinder.isPronoun(quote.speaker())) {
                String name = lastNamed != null && paragraphsBetween(body, lastNamed.end(), quote.start()) <= 1
                        ? lastNamed.speaker() : null;
                current = new QuoteSpan(quote.start(), quote.end(), quote.text(), name, quote.nested());
            }
            if (!current.nested() && current.speaker() != null) {
                lastNamed = current;
            }
            if (!current.nested()) {
                previous = current;
            }
            resolved.add(current);
        }
        return resolved;
    }

    private static boolean continuesFrom(String body, QuoteSpan previous, QuoteSpan quote) {
        int between = paragraphsBetween(body, previous.end(), quote.start());
        if (between == 0) {
            return true;
        }
        int previousParagraphEnd = body.indexOf(SPEAKER_SCOPE_BREAK, previous.end());
        boolean ranToEnd = previousParagraphEnd >= 0 && body.substring(previous.end(), previousParagraphEnd).strip()
                .chars().noneMatch(c -> c == '”' || c == '"' || Character.isLetter(c));
        boolean opensParagraph = body.substring(previousParagraphEnd, quote.start()).strip().length() <= 1;
        return between == 1 && ranToEnd && opensParagraph;
    }

    private static int paragraphsBetween(String body, int from, int to) {
        int count = 0;
        for (int i = body.indexOf(SPEAKER_SCOPE_BREAK, from); i >= 0 && i < to;
                i = body.indexOf(SPEAKER_SCOPE_BREAK, i + 2)) {
            count++;
        }
        return count;
    }
}
