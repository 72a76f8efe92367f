package org.parallax.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits news text into sentences. Rule-based rather than a general segmenter because news text needs
 * three things general rules get wrong: a closing quotation mark or bracket after the full stop belongs to
 * the sentence it closes ({@code ...elections.”}); abbreviations and initials do not end a sentence
 * ("U.S. officials", "Nov. 3", "No. 3 official", "Franklin D. Roosevelt"); an ellipsis or bracketed insertion
 * inside a quotation ("(I propose)... exchanging", "[I propose] to exchange") does not either. Sentences
 * never cross a paragraph break (a blank line).
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Sens", "Gen", "Col", "Lt", "Sgt", "Capt",
            "Adm", "Maj", "Cmdr", "Rev", "Hon", "Pres", "Supt", "Det", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd",
            "Bros", "Dept", "Univ", "Assn", "Mt", "Ft", "Ave", "Blvd", "vs", "approx", "No", "Nos", "Vol", "Fig",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
            "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va",
            "Vt", "Wash", "Wis", "Wyo", "e.g", "i.e", "a.m", "p.m");
    /** Initialisms written with full stops: U.S., U.N., D.C., a.m. */
    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){1,}\\p{L}");
    private static final String TERMINATORS = ".!?…";
    private static final String CLOSERS = "”’\"')]»›";
    private static final String OPENERS = "“‘\"'([«‹";

    public List<Sentence> split(String text) {
        return split(text, 0, text.length());
    }

    /** The sentences of {@code text[from, to)}, with offsets into the whole text. */
    public List<Sentence> split(String text, int from, int to) {
        List<Sentence> sentences = new ArrayList<>();
        int start = skipSpace(text, from, to);
        int i = start;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < to && text.charAt(i + 1) == '\n') {
                add(sentences, text, start, i);
                i = skipSpace(text, i, to);
                start = i;
                continue;
            }
            if (TERMINATORS.indexOf(c) < 0) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < to && TERMINATORS.indexOf(text.charAt(runEnd)) >= 0) {
                runEnd++;
            }
            int closeEnd = runEnd;
            while (closeEnd < to && CLOSERS.indexOf(text.charAt(closeEnd)) >= 0) {
                closeEnd++;
            }
            if (closeEnd < to && !Character.isWhitespace(text.charAt(closeEnd))) {
                i = closeEnd; // "U.S.", "2.0", "processes...by": no space, no break
                continue;
            }
            int next = skipSpace(text, closeEnd, to);
            if (next >= to || endsSentence(text, start, i, runEnd, next)) {
                add(sentences, text, start, closeEnd);
                start = next;
            }
            i = Math.max(next, closeEnd);
        }
        add(sentences, text, start, to);
        return sentences;
    }

    private static boolean endsSentence(String text, int sentenceStart, int stop, int runEnd, int next) {
        char following = text.charAt(next);
        boolean opensSentence = Character.isUpperCase(following) || Character.isDigit(following)
                || OPENERS.indexOf(following) >= 0;
        if (!opensSentence) {
            return false; // "(I propose)... exchanging", "5 p.m. on Friday"
        }
        boolean singleStop = runEnd - stop == 1 && text.charAt(stop) == '.';
        if (!singleStop) {
            return true;
        }
        String word = wordBefore(text, sentenceStart, stop);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        // a lone capital ("Franklin D. Roosevelt") or dotted initials ("U.S.", "D.C.")
        return !(word.length() == 1 && Character.isUpperCase(word.charAt(0))) && !INITIALISM.matcher(word).matches();
    }

    /** The word (letters and inner full stops) right before position {@code stop}. */
    private static String wordBefore(String text, int floor, int stop) {
        int begin = stop;
        while (begin > floor && (Character.isLetter(text.charAt(begin - 1)) || text.charAt(begin - 1) == '.')) {
            begin--;
        }
        return text.substring(begin, stop);
    }

    private static int skipSpace(String text, int i, int to) {
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(List<Sentence> sentences, String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Sentence(start, end));
        }
    }
}
