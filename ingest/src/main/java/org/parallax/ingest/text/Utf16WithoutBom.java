package org.parallax.ingest.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Recognises UTF-16 written without a byte-order mark, as some Windows tools save text. Its NUL bytes made
 * such a file look binary. In text written with spaces between words (Latin, Greek, Cyrillic, Arabic, ...)
 * every space, digit and ASCII letter is a code unit with a zero high byte, so zero bytes fall on one side of
 * each byte pair and (almost) never on the other, and no code unit is NUL. Text without such characters
 * (Chinese or Japanese with no ASCII in it) cannot be told from binary data this way and stays refused.
 */
public final class Utf16WithoutBom {

    /** Bytes looked at: the same head as the binary test. */
    private static final int HEAD = 8192;

    private Utf16WithoutBom() {
    }

    /** UTF-16BE or UTF-16LE when the head of these bytes reads as such text; otherwise null. */
    public static Charset charsetOf(byte[] bytes) {
        int pairs = Math.min(bytes.length, HEAD) / 2;
        if (pairs < 4) {
            return null;
        }
        int zeroFirst = 0;
        int zeroSecond = 0;
        for (int k = 0; k < pairs; k++) {
            boolean first = bytes[2 * k] == 0;
            boolean second = bytes[2 * k + 1] == 0;
            if (first && second) {
                return null;    // a NUL character: binary data
            }
            zeroFirst += first ? 1 : 0;
            zeroSecond += second ? 1 : 0;
        }
        Charset charset;
        if (zeroFirst * 10 >= pairs && zeroSecond * 100 <= pairs) {
            charset = StandardCharsets.UTF_16BE;
        } else if (zeroSecond * 10 >= pairs && zeroFirst * 100 <= pairs) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            return null;
        }
        String head = new String(bytes, 0, 2 * pairs, charset);
        int controls = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            // a replacement character before the last code unit: not valid UTF-16 (a lone surrogate)
            if (c == '\uFFFD' && i < head.length() - 1) {
                return null;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls * 20 > head.length() ? null : charset;
    }
}
