package org.parallax.core.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a search's tsquery asks for, as highlighting needs it: the lexemes to mark wherever they occur, and
 * the phrases ({@code 'debt' <-> 'offer'}) whose lexemes are marked only where they stand in sequence.
 * Negated lexemes ({@code !'crowdstrik'}) are left out: an article that matched does not hold them as
 * matches.
 *
 * <p>Read from PostgreSQL's text form of the tsquery ({@code cast(t as text)}), which quotes every lexeme
 * and writes the phrase operators between them.
 */
record QueryTerms(Set<String> words, List<List<Step>> phrases) {

    /** A lexeme of a phrase, {@code distance} positions after the previous one (0 for the first). */
    record Step(String lexeme, int distance) {
    }

    /** Every lexeme that can be marked, for finding the words worth looking up. */
    Set<String> lexemes() {
        Set<String> all = new LinkedHashSet<>(words);
        phrases.forEach(p -> p.forEach(s -> all.add(s.lexeme())));
        return all;
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    static QueryTerms parse(String tsquery) {
        Set<String> words = new LinkedHashSet<>();
        List<List<Step>> phrases = new ArrayList<>();
        if (tsquery == null) {
            return new QueryTerms(words, phrases);
        }
        List<Step> chain = new ArrayList<>();
        int pendingDistance = -1;       // a phrase operator was read; the next operand continues the chain
        boolean negateNext = false;
        int depth = 0;
        int negatedFrom = Integer.MAX_VALUE;  // inside a negated group while depth >= this
        int i = 0;
        int n = tsquery.length();
        while (i < n) {
            char c = tsquery.charAt(i);
            if (c == '\'') {
                StringBuilder lexeme = new StringBuilder();
                i++;
                while (i < n) {
                    char d = tsquery.charAt(i);
                    if (d == '\'' && i + 1 < n && tsquery.charAt(i + 1) == '\'') {
                        lexeme.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else if (d == '\\' && i + 1 < n) {
                        lexeme.append(tsquery.charAt(i + 1));
                        i += 2;
                    } else {
                        lexeme.append(d);
                        i++;
                    }
                }
                while (i < n && isWeightOrPrefixMark(tsquery.charAt(i))) {
                    i++;    // weights and prefix marks (":AB", ":*") are not part of the lexeme
                }
                boolean negated = negateNext || depth >= negatedFrom;
                negateNext = false;
                if (negated) {
                    flush(chain, words, phrases);
                    pendingDistance = -1;
                    continue;
                }
                if (pendingDistance >= 0 && !chain.isEmpty()) {
                    chain.add(new Step(lexeme.toString(), pendingDistance));
                } else {
                    flush(chain, words, phrases);
                    chain.add(new Step(lexeme.toString(), 0));
                }
                pendingDistance = -1;
                continue;
            }
            if (c == '<') {
                int close = tsquery.indexOf('>', i);
                String inside = close < 0 ? "" : tsquery.substring(i + 1, close);
                pendingDistance = inside.equals("-") ? 1 : parseDistance(inside);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (c == '!') {
                negateNext = true;
            } else if (c == '(') {
                depth++;
                if (negateNext) {
                    negatedFrom = Math.min(negatedFrom, depth);
                    negateNext = false;
                }
                // A phrase whose next operand is a group is not followed into it: its lexemes count alone.
                flush(chain, words, phrases);
                pendingDistance = -1;
            } else if (c == ')') {
                flush(chain, words, phrases);
                pendingDistance = -1;
                if (depth == negatedFrom) {
                    negatedFrom = Integer.MAX_VALUE;
                }
                depth--;
            } else if (c == '&' || c == '|') {
                flush(chain, words, phrases);
                pendingDistance = -1;
            }
            i++;
        }
        flush(chain, words, phrases);
        return new QueryTerms(words, phrases);
    }

    private static boolean isWeightOrPrefixMark(char c) {
        return c == ':' || c == '*' || c >= 'A' && c <= 'D';
    }

    private static int parseDistance(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void flush(List<Step> chain, Set<String> words, List<List<Step>> phrases) {
        if (chain.size() == 1) {
            words.add(chain.get(0).lexeme());
        } else if (chain.size() > 1) {
            phrases.add(List.copyOf(chain));
        }
        chain.clear();
    }
}
