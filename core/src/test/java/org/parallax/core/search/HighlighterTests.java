package org.parallax.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Marking matches and cutting snippets. The stemming is PostgreSQL's in the application (search tests in
 * the app module cover it on the seeds); here it is the {@code simple} configuration's: lower case, with
 * a few stop words, and a hyphenated word giving itself and its parts, as {@code to_tsvector} does.
 */
class HighlighterTests {

    private static final Set<String> STOP = Set.of("the", "of", "a", "and");

    /** The words the highlighter asked to have stemmed, across all calls. */
    private final Set<String> asked = new LinkedHashSet<>();

    private Map<Highlighter.Word, List<Highlighter.Lexeme>> simple(java.util.Collection<Highlighter.Word> words) {
        Map<Highlighter.Word, List<Highlighter.Lexeme>> out = new HashMap<>();
        for (Highlighter.Word w : words) {
            asked.add(w.text());
            List<Highlighter.Lexeme> lexemes = new ArrayList<>();
            String lower = w.text().toLowerCase(Locale.ROOT);
            String[] parts = lower.split("-");
            if (parts.length > 1) {
                lexemes.add(new Highlighter.Lexeme(lower, 1));
                for (int i = 0; i < parts.length; i++) {
                    if (!STOP.contains(parts[i])) {
                        lexemes.add(new Highlighter.Lexeme(parts[i], i + 2));
                    }
                }
            } else if (!STOP.contains(lower)) {
                lexemes.add(new Highlighter.Lexeme(lower, 1));
            }
            out.put(w, lexemes);
        }
        return out;
    }

    private Snippet fragments(String tsquery, String text) {
        Highlighter h = new Highlighter(QueryTerms.parse(tsquery));
        Highlighter.Text t = h.add("simple", text);
        h.resolve(this::simple);
        return t.fragments();
    }

    private Snippet whole(String tsquery, String text) {
        Highlighter h = new Highlighter(QueryTerms.parse(tsquery));
        Highlighter.Text t = h.add("simple", text);
        h.resolve(this::simple);
        return t.whole();
    }

    private static List<String> marked(Snippet s) {
        return s.segments().stream().filter(Snippet.Segment::match).map(Snippet.Segment::text).toList();
    }

    private static String filler(int words) {
        return java.util.stream.IntStream.range(0, words).mapToObj(i -> "word" + (i % 7)).collect(Collectors.joining(" "));
    }

    @Test
    void aHeadlineKeepsEveryCharacterAndMarksEachOccurrence() {
        String headline = "Putin  calls for a ban;\nPUTIN says so";
        Snippet s = whole("'putin'", headline);
        assertThat(s.plainText()).isEqualTo(headline);
        assertThat(marked(s)).containsExactly("Putin", "PUTIN");
    }

    /**
     * The search holds each article to its own configuration's reading of the query; the marks follow it,
     * so a word that only another language's reading asks for is not marked.
     */
    @Test
    void aTextIsMarkedWithItsOwnConfigurationsReading() {
        Highlighter h = new Highlighter(QueryTerms.parse("('workers') | ('work')"),
                Map.of("simple", QueryTerms.parse("'workers'"), "norwegian", QueryTerms.parse("'work'")));
        Highlighter.Text own = h.add("simple", "The workers went to work.");
        Highlighter.Text other = h.add("norwegian", "The workers went to work.");
        Highlighter.Text unknown = h.add("german", "The workers went to work.");
        h.resolve(this::simple);
        assertThat(marked(own.whole())).containsExactly("workers");
        assertThat(marked(other.whole())).containsExactly("work");
        assertThat(marked(unknown.whole())).containsExactly("workers", "work");
    }

    @Test
    void aPhraseIsMarkedOnlyWhereItsWordsStandTogether() {
        Snippet s = whole("'debt' <-> 'offering'", "Debt rose. The offering was large. A debt offering followed.");
        assertThat(marked(s)).containsExactly("debt offering");
    }

    @Test
    void withoutTheWholePhraseInATextItsWordsAreMarkedAlone() {
        Snippet s = whole("'debt' <-> 'offering'", "The offering was large and the debt small.");
        assertThat(marked(s)).containsExactly("offering", "debt");
    }

    @Test
    void aStopWordInsideAPhraseCountsAsAPosition() {
        Snippet s = whole("'sells' <2> 'notes'", "It sells notes. It sells the notes.");
        assertThat(s.segments()).containsExactly(new Snippet.Segment("It sells notes. It ", false),
                new Snippet.Segment("sells", true), new Snippet.Segment(" the ", false),
                new Snippet.Segment("notes", true), new Snippet.Segment(".", false));
    }

    @Test
    void aHyphenatedWordTakesAPositionForItselfAndOneForEachPart() {
        Snippet s = whole("'non-interference' <-> 'non' <-> 'interference' <-> 'pact'",
                "A non-interference pact, and a non-interference deal.");
        assertThat(marked(s)).containsExactly("non-interference pact");
    }

    @Test
    void aMatchingPartOfAHyphenatedWordIsMarkedAloneAndAMatchingWholeWordWhole() {
        assertThat(marked(whole("'election'", "Trump seeks re-election in the election."))).containsExactly("election", "election");
        Snippet s = whole("'re-election'", "Trump seeks re-election in the election.");
        assertThat(marked(s)).containsExactly("re-election");
        assertThat(s.plainText()).isEqualTo("Trump seeks re-election in the election.");
    }

    @Test
    void aWordPostgreSqlSplitsIntoMorePositionsThanExpectedIsLeftUnmarkedNotAFailure() {
        // to_tsvector('english', 'a-b-c.d') is 'a-b-c':1 'b':3 'c':4 'd':5: five positions, where the
        // highlighter counts four (the word, "a", "b", "c.d").
        Highlighter h = new Highlighter(QueryTerms.parse("'d' | 'b'"));
        Highlighter.Text t = h.add("english", "See a-b-c.d here.");
        h.resolve(words -> Map.of(new Highlighter.Word("english", "a-b-c.d"), List.of(
                new Highlighter.Lexeme("a-b-c", 1), new Highlighter.Lexeme("b", 3),
                new Highlighter.Lexeme("c", 4), new Highlighter.Lexeme("d", 5))));
        Snippet s = t.whole();
        assertThat(s.plainText()).isEqualTo("See a-b-c.d here.");
        assertThat(marked(s)).containsExactly("b");
    }

    @Test
    void wordsThatCannotStemToASearchedLexemeAreNotLookedUp() {
        whole("'kremlin' | 'statement'", "The Kremlin issued a long statement about the election, said Peskov.");
        assertThat(asked).containsExactlyInAnyOrder("Kremlin", "statement");
    }

    @Test
    void aMatchFarIntoALongBodyIsTheFragmentWithItsSentence() {
        String body = filler(300) + ". The harbour master Farword resigned on Tuesday. " + filler(100);
        Snippet s = fragments("'farword'", body);
        assertThat(marked(s)).containsExactly("Farword");
        assertThat(s.plainText()).startsWith("The harbour master Farword resigned");
        assertThat(s.plainText().split(" ")).hasSizeLessThanOrEqualTo(Highlighter.FRAGMENT_WORDS + 1);
    }

    @Test
    void twoDistantMatchesGiveTwoFragmentsInTextOrder() {
        String body = "Alpha leads. " + filler(200) + " Omega closes. " + filler(200) + " Alpha again.";
        Snippet s = fragments("'omega' | 'alpha'", body);
        assertThat(s.plainText()).contains(Highlighter.FRAGMENT_DELIMITER);
        assertThat(marked(s)).containsExactly("Alpha", "Omega");
    }

    @Test
    void withoutAMatchInTheBodyTheOpeningIsShown() {
        String body = "Opening words of the body. " + filler(100);
        Snippet s = fragments("'headlineonly'", body);
        assertThat(marked(s)).isEmpty();
        assertThat(s.plainText()).startsWith("Opening words of the body.").endsWith(" …");
        assertThat(s.plainText().split(" ")).hasSize(Highlighter.OPENING_WORDS + 1);
    }

    @Test
    void aFragmentStartsAtTheSentenceOfItsFirstMatch() {
        Snippet s = fragments("'match'", "First line.\n\nThe match is here.");
        assertThat(s.plainText()).isEqualTo("The match is here.");
    }

    @Test
    void aPassageCutInsideASentenceSaysSoAndNeverStartsInsideAWord() {
        String body = filler(40) + " Biden's campaign said on Friday morning that the Kremlin denied it all " + filler(60);
        Snippet s = fragments("'kremlin'", body);
        assertThat(s.plainText()).startsWith("… ").endsWith(" …").doesNotContain("… s ");
        assertThat(marked(s)).containsExactly("Kremlin");
    }

    @Test
    void whitespaceInAFragmentIsOneSpace() {
        Snippet s = fragments("'match'", "The   match\tis\n\nhere.");
        assertThat(s.plainText()).isEqualTo("The match is here.");
    }

    @Test
    void abbreviationsAndDecimalsAreOneWord() {
        Snippet s = whole("'u.s' <-> 'dollar'", "The U.S. dollar rose 3.5 pct against the U.S dollar.");
        assertThat(marked(s)).containsExactly("U.S", "dollar", "U.S dollar");
    }

    @Test
    void accentsAndStemmedEndingsStillReachTheLookUp() {
        whole("'haus' | 'sharpli'", "Die Häuser fielen sharply.");
        assertThat(asked).contains("Häuser", "sharply");
    }
}
