package org.parallax.core.quote;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who said a quote from the attribution next to it, the way news writing puts it:
 * <ul>
 *   <li>after the quote: "…,” Putin wrote. / "…,” the senior White House official said of … /
 *       "…,” said Samuel Charap, a former State Department official …</li>
 *   <li>before it: Putin proposed, “… / the senior US official said, “… / the Russian president proposed
 *       the joint creation of a new "…</li>
 * </ul>
 * The speaker is returned as written; pronouns are returned too and resolved by {@link QuoteFinder}.
 */
final class SpeakerFinder {

    private static final String VERBS = "said|says|say|told|tells|wrote|writes|added|adds|continued|tweeted|posted|"
            + "concluded|explained|noted|stated|asked|argued|insisted|warned|declared|proposed|proposes|replied|"
            + "responded|suggested|acknowledged|urged|cautioned|emphasized|emphasised|recalled|announced";
    private static final String SPEAKER_WORDS = "((?:[\\p{L}\\p{N}.’'\\-]+\\s+){0,11}?[\\p{L}\\p{N}.’'\\-]+)";
    /** "…,” Putin wrote" / "…,” a senior Trump administration official told BuzzFeed News" */
    private static final Pattern SPEAKER_THEN_VERB = Pattern.compile(
            "^\\s*,?\\s*" + SPEAKER_WORDS + "\\s+(?:" + VERBS + ")\\b");
    /** "…,” said Samuel Charap, a former …" / "…,” tweeted Mike Carpenter" */
    private static final Pattern VERB_THEN_SPEAKER = Pattern.compile(
            "^\\s*,?\\s*(?:" + VERBS + ")\\s+((?:[\\p{L}\\p{N}.’'\\-]+\\s+){0,7}?[\\p{L}\\p{N}.’'\\-]+)"
                    + "(?=\\s*(?:[,.;:!?—(]|$|\\s(?:who|which|that|in|on|at|during|after|before|when|while|of|to)\\b))");
    /** Before the quote: the last speech verb of the clause, with the words before it. */
    private static final Pattern SPEAKER_BEFORE = Pattern.compile(
            "(?:^|[,;:—]\\s*|\\b(?:and|but|that|while|as|when)\\s+)" + SPEAKER_WORDS + "\\s+(?:" + VERBS + ")\\b[^,;“”\"]*?[,:]?\\s*$");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you");
    private static final int MAX_SPEAKER_WORDS = 12;

    static boolean isPronoun(String speaker) {
        return PRONOUNS.contains(speaker.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @param open position of the opening quotation mark
     * @param afterClose position right after the closing mark (or the paragraph end)
     */
    String find(String body, int paragraphStart, int paragraphEnd, int open, int afterClose) {
        String after = body.substring(afterClose, sentenceEnd(body, afterClose, paragraphEnd));
        String quoted = body.substring(open, afterClose).stripTrailing();
        boolean continues = quoted.length() >= 2 && ",!?—".indexOf(quoted.charAt(quoted.length() - 2)) >= 0
                || after.stripLeading().startsWith(",")
                || !after.isBlank() && Character.isLowerCase(after.stripLeading().charAt(0));
        if (continues) {
            Matcher inverted = VERB_THEN_SPEAKER.matcher(after);
            if (inverted.find()) {
                return clean(inverted.group(1));
            }
            Matcher direct = SPEAKER_THEN_VERB.matcher(after);
            if (direct.find() && !direct.group(1).contains("\n")) {
                return clean(direct.group(1));
            }
        }
        String before = body.substring(sentenceStart(body, paragraphStart, open), open);
        Matcher leading = SPEAKER_BEFORE.matcher(before);
        if (leading.find()) {
            return clean(leading.group(1));
        }
        return null;
    }

    private static String clean(String speaker) {
        String trimmed = speaker.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty() || trimmed.split(" ").length > MAX_SPEAKER_WORDS) {
            return null;
        }
        return trimmed;
    }

    private static int sentenceEnd(String body, int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = body.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 >= limit || Character.isWhitespace(body.charAt(i + 1)))
                    && i > from) {
                return i;
            }
            if (c == '“' || c == '"' && i > from + 1) {
                return i;
            }
        }
        return limit;
    }

    /** Start of the sentence holding {@code position}: after the last ". " before it, within the paragraph. */
    private static int sentenceStart(String body, int paragraphStart, int position) {
        for (int i = position - 1; i > paragraphStart; i--) {
            char c = body.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '”' || c == '"') && Character.isWhitespace(body.charAt(i + 1))
                    && i + 2 <= position && Character.isUpperCase(firstLetter(body, i + 1, position))) {
                return i + 1;
            }
        }
        return paragraphStart;
    }

    private static char firstLetter(String body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(body.charAt(i))) {
                return body.charAt(i);
            }
        }
        return ' ';
    }
}
