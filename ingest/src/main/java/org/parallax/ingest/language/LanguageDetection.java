package org.parallax.ingest.language;

import static com.github.pemistahl.lingua.api.Language.*;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * Detects an article's language with Lingua. One detector serves the whole process: it is built on first
 * use, restricted to the languages news in this corpus is published in (among them every language with a
 * PostgreSQL text-search configuration), in low-accuracy mode, which uses trigram models only and is
 * accurate on article-length text. Models load lazily, per language met, so memory stays modest.
 */
public final class LanguageDetection {

    /** Enough text to decide; scoring more only costs time. */
    private static final int SAMPLE_CHARS = 300;
    /** Below this many letters Lingua guesses more than it detects. */
    private static final int MIN_LETTERS = 50;

    private static final Language[] LANGUAGES = {
            ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN, PORTUGUESE, DUTCH, SWEDISH, DANISH, BOKMAL, FINNISH,
            HUNGARIAN, ROMANIAN, TURKISH, POLISH, CZECH, RUSSIAN, UKRAINIAN, GREEK, ARABIC, PERSIAN, HEBREW,
            HINDI, CHINESE, JAPANESE, KOREAN};

    private LanguageDetection() {
    }

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
                .withLowAccuracyMode()
                .withMinimumRelativeDistance(0.1)
                .build();
    }

    /** The ISO 639-1 code of the text's language, or empty when the text is too short or ambiguous. */
    public static Optional<String> detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (letters(sample) < MIN_LETTERS) {
            return Optional.empty();
        }
        Language language = Holder.DETECTOR.detectLanguageOf(sample);
        if (language == UNKNOWN) {
            return Optional.empty();
        }
        // PostgreSQL's text search (and most people) know Norwegian Bokmål by the macrolanguage code "no".
        return Optional.of(language == BOKMAL ? "no" : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
