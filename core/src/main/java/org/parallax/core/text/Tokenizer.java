package org.parallax.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words with offsets and gives each a surface form and a content key. Punctuation and
 * whitespace are never tokens, so nothing built on tokens can report them as differences.
 */
public final class Tokenizer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-‐‑][\\p{L}\\p{N}]+)*");
    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    private final Lexicon lexicon;

    public Tokenizer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public static Tokenizer english() {
        return new Tokenizer(Lexicon.english());
    }

    public List<Token> tokens(String text) {
        return tokens(text, 0, text.length());
    }

    /** The words of {@code text[from, to)}, with offsets into the whole text. */
    public List<Token> tokens(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text).region(from, to);
        while (matcher.find()) {
            String surface = matcher.group();
            if (isNameCompound(surface)) {
                // "US-Soviet", "Soviet-American", "post-Cold": each part is a word of its own
                Matcher part = PART.matcher(surface);
                while (part.find()) {
                    add(tokens, part.group(), matcher.start() + part.start(), matcher.start() + part.end());
                }
            } else {
                add(tokens, surface, matcher.start(), matcher.end());
            }
        }
        return tokens;
    }

    private void add(List<Token> tokens, String surface, int start, int end) {
        String norm = norm(surface);
        boolean capitalised = Character.isUpperCase(surface.codePointAt(0));
        tokens.add(new Token(start, end, norm, lexicon.key(norm), capitalised));
    }

    /** A hyphenated word with a capitalised part after the first: names joined by a hyphen. */
    private static boolean isNameCompound(String surface) {
        Matcher part = PART.matcher(surface);
        int parts = 0;
        boolean laterCapital = false;
        while (part.find()) {
            if (parts++ > 0 && Character.isUpperCase(part.group().codePointAt(0))) {
                laterCapital = true;
            }
        }
        return parts > 1 && laterCapital;
    }

    static String norm(String surface) {
        String lower = surface.toLowerCase(Locale.ROOT).replace('’', '\'');
        lower = POSSESSIVE.matcher(lower).replaceFirst("");
        return lower.replace("-", "").replace("‐", "").replace("‑", "");
    }
}
