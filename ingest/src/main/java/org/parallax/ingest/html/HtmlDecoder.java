package org.parallax.ingest.html;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.text.LegacyCharsets;
import org.parallax.ingest.text.Utf8Evidence;
import org.parallax.ingest.text.Utf16WithoutBom;

/**
 * Turns the bytes of a page into characters. Order: byte-order mark; then the charset the transport or
 * the page declares ({@code <meta charset>}, {@code http-equiv="Content-Type"}); then sniffing: valid
 * UTF-8, else the legacy charset {@link LegacyCharsets} detects (Windows-1252 when it cannot tell).
 * Mostly-valid UTF-8 (a page cut off inside a character, a few damaged bytes) is still read as UTF-8,
 * with U+FFFD for the damage.
 *
 * <p>One exception to trusting a declaration: bytes that are valid UTF-8 and contain multi-byte
 * sequences are read as UTF-8 even when the page claims a single-byte charset. Such a claim is almost
 * always a stale template (text in a real single-byte charset practically never forms valid UTF-8
 * sequences), and honouring it would turn every accented letter into mojibake.
 */
final class HtmlDecoder {

    /** Where a declared charset is looked for: browsers look at the first 1024 bytes, pages are sloppier. */
    private static final int PRESCAN_BYTES = 8192;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = LegacyCharsets.WINDOWS_1252;

    record Decoded(String text, Charset charset) {
    }

    private HtmlDecoder() {
    }

    /**
     * @param transportCharset the charset named by the HTTP {@code Content-Type} header, or null
     */
    static Decoded decode(String source, byte[] bytes, String transportCharset) throws ExtractionException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return lenient(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16LE);
        }
        Charset utf16 = Utf16WithoutBom.charsetOf(bytes);
        if (utf16 != null) {
            return lenient(bytes, 0, utf16);
        }
        String binary = binaryKind(bytes);
        if (binary != null) {
            throw new ExtractionException(source + ": binary data (" + binary + "), not HTML");
        }
        Charset declared = charset(transportCharset);
        if (declared == null) {
            declared = charset(metaCharset(bytes));
        }
        if (declared != null && !isAsciiCompatible(declared)) {
            // A 7-bit encoding such as ISO-2022-JP looks like ASCII; only the declaration can tell.
            return lenient(bytes, 0, declared);
        }
        String utf8Text = new String(bytes, StandardCharsets.UTF_8);
        if (utf8Text.indexOf('\uFFFD') < 0) {
            // No replacement character: every byte sequence was valid UTF-8 (the common case, one pass).
            return new Decoded(utf8Text, StandardCharsets.UTF_8);
        }
        Utf8Evidence utf8 = Utf8Evidence.scan(bytes);
        if (utf8.invalid() == 0 || utf8.mostlyValid()) {
            // Mostly valid: a page cut off inside a character, or a few damaged bytes; the rest is UTF-8.
            return new Decoded(utf8Text, StandardCharsets.UTF_8);
        }
        return lenient(bytes, 0, declared != null && !declared.equals(StandardCharsets.UTF_8)
                ? declared : LegacyCharsets.guessMarkup(bytes));
    }


    /** The charset a {@code <meta>} near the top of the page declares, or null. */
    static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A supported charset for a declared label, or null. Labels that HTML treats as Windows-1252
     * (Latin-1, ASCII) map to it, as browsers do: pages labelled Latin-1 routinely use its C1 range.
     */
    static Charset charset(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252" -> {
                return WINDOWS_1252;
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return !(name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("ISO-2022")
                || name.equals("UTF-7"));
    }

    private static Decoded lenient(byte[] bytes, int offset, Charset charset) {
        return new Decoded(new String(bytes, offset, bytes.length - offset, charset), charset);
    }

    /**
     * Why the bytes cannot be a text page, or null: a known file signature, NUL bytes, or a high share
     * of control characters in the first 8 KiB.
     */
    static String binaryKind(byte[] bytes) {
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return "gzip";
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return "zip";
        }
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
            return "PDF";
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47) || startsWith(bytes, 0xFF, 0xD8, 0xFF)
                || startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) {
            return "image";
        }
        int n = Math.min(bytes.length, PRESCAN_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return "NUL bytes";
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > n / 20 ? "control characters" : null;
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
