package org.parallax.ingest.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.parallax.ingest.extract.ExtractionException;

/**
 * Turns the bytes of a text file into characters: BOM first, then UTF-16 without one
 * ({@link Utf16WithoutBom}), then UTF-8 (also when only a few bytes are damaged), then the legacy charset
 * {@link LegacyCharsets} detects.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    public static String decode(String source, byte[] bytes) throws ExtractionException {
        if (bytes.length == 0) {
            throw new ExtractionException(source + ": empty file");
        }
        UnicodeStart unicode = unicodeStart(bytes);
        if (unicode != null) {
            return strict(source, bytes, unicode.bomLength(), unicode.charset());
        }
        if (looksBinary(bytes)) {
            throw new ExtractionException(source + ": binary data, not text");
        }
        try {
            return strict(source, bytes, 0, StandardCharsets.UTF_8);
        } catch (ExtractionException notUtf8) {
            return new String(bytes, fallback(bytes));
        }
    }

    /** The charset {@link #decode} reads these bytes with, for the record kept with the raw document. */
    public static String charsetOf(byte[] bytes) {
        UnicodeStart unicode = unicodeStart(bytes);
        if (unicode != null) {
            return unicode.charset().name();
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(bytes));
            return "UTF-8";
        } catch (CharacterCodingException e) {
            return fallback(bytes).name();
        }
    }

    /**
     * The charset of bytes that are not strictly UTF-8: still UTF-8 when only a few bytes are damaged (one
     * bad byte used to turn every quote and dash of a scrape into mojibake; the damage now reads as U+FFFD),
     * otherwise the legacy charset {@link LegacyCharsets} detects.
     */
    private static Charset fallback(byte[] bytes) {
        return Utf8Evidence.scan(bytes).mostlyValid() ? StandardCharsets.UTF_8 : LegacyCharsets.guess(bytes);
    }

    /** A Unicode encoding and the length of the byte-order mark that names it (0 when there is none). */
    public record UnicodeStart(Charset charset, int bomLength) {
    }

    /**
     * The Unicode encoding a text starting with these bytes is in, told by its byte-order mark or, without
     * one, by UTF-16's zero bytes ({@link Utf16WithoutBom}); null when neither tells (UTF-8 without a mark,
     * or a legacy encoding).
     */
    public static UnicodeStart unicodeStart(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new UnicodeStart(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new UnicodeStart(StandardCharsets.UTF_16BE, 2);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new UnicodeStart(StandardCharsets.UTF_16LE, 2);
        }
        Charset utf16 = Utf16WithoutBom.charsetOf(head);
        return utf16 == null ? null : new UnicodeStart(utf16, 0);
    }

    private static String strict(String source, byte[] bytes, int offset, Charset charset)
            throws ExtractionException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new ExtractionException(source + ": not valid " + charset.name());
        }
    }

    /** NUL bytes or a high share of control characters in the first 8 KiB: not a text file. */
    public static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n / 20;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
