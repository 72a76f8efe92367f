package org.parallax.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Marks a search's matches in headlines and cuts snippets from bodies, the work {@code ts_headline} did in
 * PostgreSQL. There it parsed and stemmed each whole body again for every hit of every page, about half
 * of the database's CPU per search (docs/benchmarks.md, "Search"). Here the text is split into words in
 * Java and only the few words that could stem to a searched lexeme (they start like one) are stemmed, by
 * PostgreSQL with the article's own configuration, in one statement for the whole page
 * ({@link LexemeLookup}). A word is therefore marked exactly when the database would match it. A phrase
 * is marked where its words stand at the distances the query asks for; a text that holds no whole
 * occurrence (the phrase was in the headline) has its words marked one by one, as {@code ts_headline} did.
 *
 * <p>Word positions follow PostgreSQL's parser where it matters for phrases: a hyphenated word takes one
 * position for itself and one per part, an apostrophe separates words, and a dot between letters or digits
 * ({@code U.S.}, {@code 3.5}) does not.
 */
final class Highlighter {

    /** A word of a text, to be stemmed under a text-search configuration. */
    record Word(String config, String text) {
    }

    /** One lexeme of a word's vector, at its position within that word (1 for a plain word). */
    record Lexeme(String text, int position) {
    }

    /** Stems the given words; a word missing from the answer has no lexeme (a stop word). */
    @FunctionalInterface
    interface LexemeLookup {
        Map<Word, List<Lexeme>> lookup(Collection<Word> words);
    }

    /** Words a fragment holds at most; PostgreSQL's snippets were cut at 40. */
    static final int FRAGMENT_WORDS = 35;
    /** Words of context before the first match of a fragment, unless a sentence starts closer to it. */
    static final int LEAD_WORDS = 8;
    /** Words of a body shown when nothing in it matched (the headline or dek did). */
    static final int OPENING_WORDS = 30;
    static final int MAX_FRAGMENTS = 2;
    static final String ELLIPSIS = "…";
    static final String FRAGMENT_DELIMITER = " " + ELLIPSIS + " ";

    private final QueryTerms terms;
    /** The query as each configuration reads it; a configuration missing here marks {@link #terms}. */
    private final Map<String, QueryTerms> byConfig;
    private final List<String> prefixes = new ArrayList<>();
    /** The first letters of the prefixes, folded: most words are ruled out by their first letter alone. */
    private final boolean[] firstLetters = new boolean[128];
    private final List<Text> texts = new ArrayList<>();
    private final Set<Word> wanted = new LinkedHashSet<>();

    Highlighter(QueryTerms terms) {
        this(terms, Map.of());
    }

    /**
     * @param terms the whole query, the OR of its readings under every configuration in use
     * @param byConfig the reading of each configuration: a text is marked by its own configuration's reading,
     *                 as the search matched it, so "workers" does not mark "work" in an English article
     *                 because the Norwegian reading of "workers" is {@code work}
     */
    Highlighter(QueryTerms terms, Map<String, QueryTerms> byConfig) {
        this.terms = terms;
        this.byConfig = byConfig;
        for (String lexeme : terms.lexemes()) {
            String folded = fold(lexeme);
            if (folded.isEmpty()) {
                continue;
            }
            prefixes.add(folded.substring(0, Math.max(1, Math.min(4, folded.length() - 1))));
            if (folded.charAt(0) < 128) {
                firstLetters[folded.charAt(0)] = true;
            }
        }
    }

    /** Adds a text to be highlighted; call before {@link #resolve}. */
    Text add(String config, String text) {
        Text t = new Text(config, text == null ? "" : text);
        texts.add(t);
        if (!terms.isEmpty()) {
            for (Token token : t.tokens) {
                if (token.candidate) {
                    wanted.add(t.word(token));
                }
            }
        }
        return t;
    }

    /** Stems the candidate words of every text added, in one lookup, and marks the matches. */
    void resolve(LexemeLookup lookup) {
        Map<Word, List<Lexeme>> lexemes = wanted.isEmpty() ? Map.of() : lookup.lookup(wanted);
        for (Text t : texts) {
            t.mark(lexemes);
        }
    }

    /** One text: its words with their positions, and after {@link #resolve} which of them matched. */
    final class Text {
        private final String config;
        private final String text;
        private final List<Token> tokens;
        private boolean[] matched;

        private Text(String config, String text) {
            this.config = config;
            this.text = text;
            this.tokens = tokenize(text);
        }

        /** The whole word a word's first token stands for, as it is looked up. */
        private Word word(Token token) {
            return new Word(config, text.substring(token.start, token.wordEnd));
        }

        private void mark(Map<Word, List<Lexeme>> lexemes) {
            matched = new boolean[tokens.size()];
            QueryTerms terms = byConfig.getOrDefault(config, Highlighter.this.terms);
            if (terms.isEmpty() || tokens.isEmpty()) {
                return;
            }
            // lexemes by absolute position, which token covers each position, and the hyphenated words'
            // own positions (a match there marks the whole word, a match of a part only the part)
            Map<Integer, Set<String>> at = new HashMap<>();
            Map<Integer, Integer> tokenAt = new HashMap<>();
            Map<Integer, int[]> wholeWordAt = new HashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (!token.candidate) {
                    continue;
                }
                for (int p = token.position; p < token.position + token.span; p++) {
                    tokenAt.put(p, i);
                }
                for (int k = 1; k <= token.parts; k++) {
                    tokenAt.put(tokens.get(i + k).position, i + k);
                }
                if (token.parts > 0) {
                    wholeWordAt.put(token.position, new int[] {i, i + token.parts});
                }
                int positions = token.span + token.parts;
                for (Lexeme l : lexemes.getOrDefault(word(token), List.of())) {
                    // PostgreSQL's parser can count more positions in a word than this one ("a-b-c.d" is
                    // five there, four here): such a lexeme has no token of its own and is left unmarked.
                    if (l.position() <= positions) {
                        at.computeIfAbsent(token.position + l.position() - 1, k -> new HashSet<>()).add(l.text());
                    }
                }
            }
            java.util.function.IntConsumer mark = position -> {
                int[] whole = wholeWordAt.get(position);
                if (whole != null) {
                    for (int k = whole[0]; k <= whole[1]; k++) {
                        matched[k] = true;
                    }
                } else {
                    matched[tokenAt.get(position)] = true;
                }
            };
            for (Map.Entry<Integer, Set<String>> e : at.entrySet()) {
                for (String word : terms.words()) {
                    if (e.getValue().contains(word)) {
                        mark.accept(e.getKey());
                    }
                }
            }
            for (List<QueryTerms.Step> phrase : terms.phrases()) {
                boolean found = false;
                for (Map.Entry<Integer, Set<String>> e : at.entrySet()) {
                    if (!e.getValue().contains(phrase.get(0).lexeme())) {
                        continue;
                    }
                    List<Integer> positions = new ArrayList<>();
                    int p = e.getKey();
                    positions.add(p);
                    boolean whole = true;
                    for (int k = 1; k < phrase.size() && whole; k++) {
                        p += phrase.get(k).distance();
                        whole = at.getOrDefault(p, Set.of()).contains(phrase.get(k).lexeme());
                        positions.add(p);
                    }
                    if (whole) {
                        positions.forEach(mark::accept);
                        found = true;
                    }
                }
                if (!found) {
                    // The phrase matched elsewhere (the headline, say): its words show why this text is here.
                    Set<String> words = new HashSet<>();
                    phrase.forEach(step -> words.add(step.lexeme()));
                    at.forEach((position, here) -> {
                        if (here.stream().anyMatch(words::contains)) {
                            mark.accept(position);
                        }
                    });
                }
            }
        }

        /** The whole text with its matches marked (for headlines). */
        Snippet whole() {
            if (tokens.isEmpty()) {
                return new Snippet(text.isEmpty() ? List.of() : List.of(new Snippet.Segment(text, false)));
            }
            return segments(0, tokens.size(), false);
        }

        /**
         * Up to {@value #MAX_FRAGMENTS} passages around the matches, in text order, each at most
         * {@value #FRAGMENT_WORDS} words and starting at a sentence when one starts shortly before its
         * first match; the opening words when nothing matched.
         */
        Snippet fragments() {
            if (tokens.isEmpty()) {
                return new Snippet(List.of());
            }
            List<int[]> chosen = new ArrayList<>();
            for (int f = 0; f < MAX_FRAGMENTS; f++) {
                int[] best = null;
                int bestScore = 0;
                for (int a = 0; a < tokens.size(); a++) {
                    if (!matched[a] || covered(chosen, a)) {
                        continue;
                    }
                    int[] window = window(a, chosen);
                    int score = score(window);
                    if (score > bestScore) {
                        best = window;
                        bestScore = score;
                    }
                }
                if (best == null) {
                    break;
                }
                chosen.add(best);
            }
            if (chosen.isEmpty()) {
                chosen.add(new int[] {0, Math.min(OPENING_WORDS, tokens.size())});
            }
            chosen.sort((x, y) -> Integer.compare(x[0], y[0]));
            Runs out = new Runs();
            // An ellipsis where a passage starts or stops inside a sentence, so it does not read as whole.
            int first = chosen.get(0)[0];
            if (first > 0 && !sentenceStartsAt(first)) {
                out.add(ELLIPSIS + " ", false);
            }
            for (int k = 0; k < chosen.size(); k++) {
                if (k > 0) {
                    out.add(FRAGMENT_DELIMITER, false);
                }
                segments(chosen.get(k)[0], chosen.get(k)[1], true).segments().forEach(seg -> out.add(seg.text(), seg.match()));
            }
            int last = chosen.get(chosen.size() - 1)[1];
            if (last < tokens.size() && !sentenceEndsAfter(last - 1)) {
                out.add(" " + ELLIPSIS, false);
            }
            return new Snippet(out.segments());
        }

        private boolean covered(List<int[]> windows, int token) {
            return windows.stream().anyMatch(w -> token >= w[0] && token < w[1]);
        }

        /** The window for a fragment whose first match is {@code anchor}, kept clear of those chosen. */
        private int[] window(int anchor, List<int[]> chosen) {
            int start = Math.max(0, anchor - LEAD_WORDS);
            for (int[] w : chosen) {
                if (w[1] <= anchor) {
                    start = Math.max(start, w[1]);
                }
            }
            for (int j = anchor; j > start; j--) {
                if (sentenceStartsAt(j)) {
                    start = j;
                    break;
                }
            }
            while (start < anchor && start > 0 && !spaceBefore(start)) {
                start++;    // not the "s" of "Biden's"
            }
            int end = Math.min(tokens.size(), start + FRAGMENT_WORDS);
            for (int[] w : chosen) {
                if (w[0] > anchor) {
                    end = Math.min(end, w[0]);
                }
            }
            return new int[] {start, end};
        }

        private boolean spaceBefore(int token) {
            for (int i = tokens.get(token - 1).end; i < tokens.get(token).start; i++) {
                if (Character.isWhitespace(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a full stop, question or exclamation mark follows the token before the next space. */
        private boolean sentenceEndsAfter(int token) {
            for (int i = tokens.get(token).end; i < text.length() && !Character.isWhitespace(text.charAt(i)); i++) {
                char c = text.charAt(i);
                if (c == '.' || c == '!' || c == '?') {
                    return true;
                }
                if (isWordChar(c)) {
                    return false;
                }
            }
            return false;
        }

        private boolean sentenceStartsAt(int token) {
            boolean stop = false;
            for (int i = tokens.get(token - 1).end; i < tokens.get(token).start; i++) {
                char c = text.charAt(i);
                if (c == '\n' || stop && Character.isWhitespace(c)) {
                    return true;
                }
                stop |= c == '.' || c == '!' || c == '?';
            }
            return false;
        }

        /** Distinct matched words count most, then matches. */
        private int score(int[] window) {
            Set<String> distinct = new HashSet<>();
            int count = 0;
            for (int i = window[0]; i < window[1]; i++) {
                if (matched[i]) {
                    count++;
                    Token t = tokens.get(i);
                    distinct.add(text.substring(t.start, t.end).toLowerCase(Locale.ROOT));
                }
            }
            return distinct.size() * 1000 + count;
        }

        /** Tokens [from, to) with the text between them; whitespace runs become one space when asked. */
        private Snippet segments(int from, int to, boolean collapse) {
            Runs out = new Runs();
            int cursor = from == 0 && !collapse ? 0 : tokens.get(from).start;
            int end = to == tokens.size() && !collapse ? text.length() : tokens.get(to - 1).end;
            while (collapse && end < text.length() && !Character.isWhitespace(text.charAt(end))
                    && !isWordChar(text.charAt(end))) {
                end++;  // the full stop or closing quote after the last word
            }
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (t.start > cursor) {
                    String between = text.substring(cursor, t.start);
                    // Two marked words with only a space between are one mark ("debt offering"), not two.
                    boolean joins = i > from && matched[i] && matched[i - 1] && (between.isBlank() || t.wordEnd < 0);
                    out.add(space(between, collapse), joins);
                }
                out.add(text.substring(t.start, t.end), matched[i]);
                cursor = t.end;
            }
            if (end > cursor) {
                out.add(space(text.substring(cursor, end), collapse), false);
            }
            return new Snippet(out.segments());
        }
    }

    /** Builds segments that alternate plain and marked text, joining neighbours of the same kind. */
    private static final class Runs {
        private final List<Snippet.Segment> segments = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private boolean match;

        void add(String text, boolean marked) {
            if (text.isEmpty()) {
                return;
            }
            if (!run.isEmpty() && marked != match) {
                flush();
            }
            match = marked;
            run.append(text);
        }

        private void flush() {
            segments.add(new Snippet.Segment(run.toString(), match));
            run.setLength(0);
        }

        List<Snippet.Segment> segments() {
            if (!run.isEmpty()) {
                flush();
            }
            return segments;
        }
    }

    private static String space(String between, boolean collapse) {
        if (!collapse) {
            return between;
        }
        StringBuilder out = new StringBuilder(between.length());
        boolean inSpace = false;
        for (int i = 0; i < between.length(); i++) {
            char c = between.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    /**
     * A word, or a part of a hyphenated word: "re-election" is the tokens "re" and "election", the first
     * standing for the whole word too, as PostgreSQL's parser gives the whole word a position of its own
     * before its parts'.
     *
     * @param span positions the token takes: 2 for the first part of a hyphenated word (the word's and its
     *             own), otherwise 1
     * @param candidate whether the word (or one of its parts) starts like a searched lexeme, so is worth
     *                  stemming; only for a word's first token
     * @param wordEnd where the whole word ends, for looking it up; -1 for the second and later parts
     * @param parts how many parts follow in tokens of their own
     */
    private record Token(int start, int end, int position, int span, boolean candidate, int wordEnd, int parts) {
    }

    /**
     * The text's tokens. Every body of a result page passes through here (by JFR, the largest single part
     * of the app's work per search), hence the ASCII table and no list per hyphenated word.
     */
    private List<Token> tokenize(String text) {
        int n = text.length();
        List<Token> tokens = new ArrayList<>(n / 6 + 4);
        int position = 1;
        int i = 0;
        int[] parts = new int[8];  // [start, end) of each part of a hyphenated word
        while (i < n) {
            int width = wordCharWidth(text, i);
            if (width <= 0) {
                i -= width;
                continue;
            }
            int start = i;
            boolean candidate = false;
            int partStart = i;
            int partCount = 0;
            // only a word whose first part holds a letter splits at hyphens ("re-election", not "2-1")
            boolean firstPartHasLetter = false;
            while (i < n) {
                char c = text.charAt(i);
                width = c < 128 ? (ASCII_WORD[c] ? 1 : -1) : wordCharWidth(text, i);
                if (width > 0) {
                    if (!firstPartHasLetter && partCount == 0) {
                        firstPartHasLetter = c < 128 ? c > '9' : Character.isLetter(text.codePointAt(i));
                    }
                    i += width;
                    continue;
                }
                if ((c == '.' || c == '-' && firstPartHasLetter) && i + 1 < n && wordCharWidth(text, i + 1) > 0) {
                    if (c == '-') {
                        candidate |= isCandidate(text, partStart, i);
                        if (2 * partCount + 2 > parts.length) {
                            parts = java.util.Arrays.copyOf(parts, parts.length * 2);
                        }
                        parts[2 * partCount] = partStart;
                        parts[2 * partCount + 1] = i;
                        partCount++;
                        partStart = i + 1;
                    }
                    i++;
                } else {
                    break;
                }
            }
            candidate |= isCandidate(text, start, i);
            if (partCount == 0) {
                tokens.add(new Token(start, i, position, 1, candidate, i, 0));
                position++;
                continue;
            }
            candidate |= isCandidate(text, partStart, i);
            tokens.add(new Token(start, parts[1], position, 2, candidate, i, partCount));
            position += 2;
            for (int k = 1; k < partCount; k++) {
                tokens.add(new Token(parts[2 * k], parts[2 * k + 1], position, 1, false, -1, 0));
                position++;
            }
            tokens.add(new Token(partStart, i, position, 1, false, -1, 0));
            position++;
        }
        return tokens;
    }

    /** Letters and digits of ASCII, the characters of most words. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[Character.toUpperCase(c)] = true;
        }
    }

    /** The width in chars of the character at {@code i} when it belongs to a word; minus its width otherwise. */
    private static int wordCharWidth(String text, int i) {
        char c = text.charAt(i);
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ? 1 : -1;
        }
        int cp = Character.isSurrogate(c) ? text.codePointAt(i) : c;
        int width = Character.charCount(cp);
        return isWordChar(cp) ? width : -width;
    }

    private boolean isCandidate(String text, int start, int end) {
        if (prefixes.isEmpty()) {
            return false;
        }
        char first = text.charAt(start);
        if (first < 128) {
            char folded = first >= 'A' && first <= 'Z' ? (char) (first + ('a' - 'A')) : first;
            if (!firstLetters[folded == 'y' ? 'i' : folded]) {
                return false;
            }
        }
        for (String prefix : prefixes) {
            if (startsLike(text, start, end, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word at [start, end) begins with the folded prefix; allocates only for non-ASCII words. */
    private static boolean startsLike(String text, int start, int end, String prefix) {
        int n = prefix.length();
        for (int k = 0; k < n; k++) {
            if (start + k >= end) {
                return false;
            }
            char c = text.charAt(start + k);
            if (c >= 128) {
                return fold(text.substring(start, Math.min(end, start + n + 8))).startsWith(prefix);
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == 'y') {
                c = 'i';
            }
            if (c != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Lower case without accents, with y as i: what is left of a word's start after the stemmers change
     * it (English turns a final y into i, German drops umlauts, Spanish accents), so that a word and its
     * lexeme still start alike.
     */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean ascii = lower.chars().allMatch(c -> c < 128);
        String plain = ascii ? lower : Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replace('y', 'i');
    }
}
