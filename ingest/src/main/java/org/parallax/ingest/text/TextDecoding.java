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
 * ({@link Utf16WithoutBom}), then strict UTF-8, then Windows-1252.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    public static String decode(String source, byte[] bytes) throws ExtractionException {
        if (bytes.length == 0) {
            throw new ExtractionException(source + ": empty file");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(source, bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(source, bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(source, bytes, 2, StandardCharsets.UTF_16LE);
        }
        Charset utf16 = Utf16WithoutBom.charsetOf(bytes);
        if (utf16 != null) {
            return strict(source, bytes, 0, utf16);
        }
        if (looksBinary(bytes)) {
            throw new ExtractionException(source + ": binary data, not text");
        }
        try {
            return strict(source, bytes, 0, StandardCharsets.UTF_8);
        } catch (ExtractionException notUtf8) {
            // Older scrapes are often Windows-1252; every byte sequence decodes, so this cannot fail.
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The charset {@link #decode} reads these bytes with, for the record kept with the raw document. */
    public static String charsetOf(byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        Charset utf16 = Utf16WithoutBom.charsetOf(bytes);
        if (utf16 != null) {
            return utf16.name();
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(bytes));
            return "UTF-8";
        } catch (CharacterCodingException e) {
            return "windows-1252";
        }
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
