package org.parallax.ingest.text;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Names the legacy charset of text that is not UTF-8 and does not declare its encoding: a Russian scrape
 * in Windows-1251 or KOI8-R, a Polish or Czech one in Windows-1250, Turkish in Windows-1254, Greek in
 * Windows-1253 or ISO-8859-7, a Japanese page in Shift_JIS or EUC-JP, Chinese in GB18030 or Big5, Korean
 * in EUC-KR. Read as Windows-1252, every one of those comes out as mojibake.
 *
 * <p>ICU's detector scores each candidate charset with the byte n-grams of the languages written in it,
 * which is what tells Latin-1 from Latin-2 text: both decode without error, only the letters differ.
 * Mozilla's detector (juniversalchardet, used before) knows no Central European or Turkish charset and
 * swapped Windows-1253 and ISO-8859-7.
 *
 * <p>Windows-1252 stays the answer when nothing better is found: the commonest legacy charset of news
 * text, and one in which every byte decodes. A short English line with one "café" has too few n-grams
 * for the statistics to speak (ICU gives Latin-1 and Latin-2 the same score), so another charset has to
 * beat Windows-1252 by {@link #MARGIN} points. Charsets the callers have already ruled out (UTF-8,
 * UTF-16, UTF-32, ASCII) and ones Java cannot decode are skipped.
 */
public final class LegacyCharsets {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /**
     * Confidence points (0-100) by which a charset must beat Windows-1252. Articles in another Latin
     * charset win by 20 to 45 points (Polish 55 to 18, Romanian 58 to 38, Turkish 61 to 21).
     */
    private static final int MARGIN = 10;
    /** The detector decides within the first few kilobytes; a whole 50 MB page would only cost time. */
    private static final int SAMPLE_BYTES = 64 * 1024;

    private LegacyCharsets() {
    }

    /** The charset to read these bytes of plain text with, known not to be valid UTF-8. */
    public static Charset guess(byte[] bytes) {
        return guess(bytes, false);
    }

    /** The same for a page: the markup (tags, attribute values) is left out of the statistics. */
    public static Charset guessMarkup(byte[] bytes) {
        return guess(bytes, true);
    }

    private static Charset guess(byte[] bytes, boolean markup) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(markup);
        detector.setText(bytes.length > SAMPLE_BYTES ? Arrays.copyOf(bytes, SAMPLE_BYTES) : bytes);
        CharsetMatch[] matches = detector.detectAll();
        int latin1 = 0;
        for (CharsetMatch match : matches) {
            if (isLatin1(match.getName())) {
                latin1 = match.getConfidence();
                break;
            }
        }
        for (CharsetMatch match : matches) {
            Charset charset = decodable(match.getName());
            if (charset != null) {
                return charset.equals(WINDOWS_1252) || match.getConfidence() < latin1 + MARGIN ? WINDOWS_1252 : charset;
            }
        }
        return WINDOWS_1252;
    }

    private static boolean isLatin1(String name) {
        return name.equalsIgnoreCase("windows-1252") || name.equalsIgnoreCase("ISO-8859-1");
    }

    /**
     * The charset to decode with for a name ICU gives, or null. As in browsers (the WHATWG Encoding
     * standard), ISO-8859-1 and ISO-8859-9 are read as their Windows supersets: text that ICU calls Latin-1
     * has no C1 bytes, so nothing changes for it, and Windows-1252 is what the original is recorded as.
     */
    private static Charset decodable(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith("utf-") || key.equals("us-ascii")) {
            return null;
        }
        if (key.equals("iso-8859-1")) {
            return WINDOWS_1252;
        }
        if (key.equals("iso-8859-9")) {
            key = "windows-1254";
        }
        try {
            return Charset.forName(key);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // ICU also names EBCDIC variants such as IBM424_rtl that Java has no decoder for.
            return null;
        }
    }
}
