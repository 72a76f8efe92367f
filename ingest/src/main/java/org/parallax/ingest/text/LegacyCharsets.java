package org.parallax.ingest.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Names the legacy charset of text that is not UTF-8 and does not declare its encoding: a Russian scrape
 * in Windows-1251 or KOI8-R, a Japanese page in Shift_JIS or EUC-JP, Chinese in GB18030 or Big5, Korean
 * in EUC-KR, Greek in ISO-8859-7. Read as Windows-1252, as all such text was before, every one of those
 * came out as Latin mojibake. Mozilla's detector (juniversalchardet) weighs byte and character statistics
 * per language. Where it has no answer, or answers an encoding the callers have already ruled out
 * (UTF-8, UTF-16, UTF-32, ASCII), Windows-1252 stays the guess: the commonest legacy charset of news text,
 * and one in which every byte decodes.
 */
public final class LegacyCharsets {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The detector decides within the first few kilobytes; a whole 50 MB page would only cost time. */
    private static final int SAMPLE_BYTES = 64 * 1024;

    private LegacyCharsets() {
    }

    /** The charset to read these bytes with, known not to be valid UTF-8. */
    public static Charset guess(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, SAMPLE_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return WINDOWS_1252;
        }
        try {
            Charset charset = Charset.forName(name);
            boolean ruledOut = charset.name().startsWith("UTF-") || charset.name().equals("US-ASCII");
            return ruledOut ? WINDOWS_1252 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return WINDOWS_1252;
        }
    }
}
