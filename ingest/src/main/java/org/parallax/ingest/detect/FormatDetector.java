package org.parallax.ingest.detect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.text.TextDecoding;
import org.parallax.ingest.text.Utf16WithoutBom;

/**
 * Tells an input's format from its first bytes; the file name only settles JSON versus JSON Lines when
 * the content could be either. Anything that is not a format Parallax reads is refused with a one-line
 * reason naming the input.
 */
public final class FormatDetector {

    /** How much of the head is examined. */
    static final int HEAD_BYTES = 64 * 1024;

    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z][\\w:.-]*)");
    private static final Pattern REUTERS_RECORD = Pattern.compile("<REUTERS[\\s>]");
    private static final Pattern HTML_MARKERS = Pattern.compile(
            "<!doctype html|<html[\\s>]|<head[\\s>]|<body[\\s>]|<meta[\\s>]|<title[\\s>]", Pattern.CASE_INSENSITIVE);

    private FormatDetector() {
    }

    public static Format detect(Input input) throws ExtractionException {
        byte[] head;
        try {
            head = input.head(HEAD_BYTES);
        } catch (IOException e) {
            throw new ExtractionException(input.name() + ": cannot read (" + e.getMessage() + ")", e);
        }
        return detect(input.name(), head);
    }

    static Format detect(String name, byte[] head) throws ExtractionException {
        if (head.length == 0) {
            throw new ExtractionException(name + ": empty file");
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            if (startsWithText(gunzipHead(name, head), "WARC/")) {
                return Format.WARC;
            }
            throw new ExtractionException(name + ": gzip-compressed data that is not a WARC file; "
                    + "decompress it first");
        }
        if (startsWithText(head, "WARC/")) {
            return Format.WARC;
        }
        String binary = knownBinary(head);
        if (binary != null) {
            throw new ExtractionException(name + ": " + binary + ", not a format Parallax reads");
        }
        String text = headText(head);
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new ExtractionException(name + ": only whitespace, no text");
        }
        if (looksBinary(head)) {
            throw new ExtractionException(name + ": binary data, not text");
        }
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[') {
            return isJsonLines(name, trimmed) ? Format.JSON_LINES : Format.JSON;
        }
        if (first == '<') {
            return markup(name, trimmed);
        }
        return HTML_MARKERS.matcher(text.length() > 2048 ? text.substring(0, 2048) : text).find()
                ? Format.HTML : Format.TEXT;
    }

    private static Format markup(String name, String text) throws ExtractionException {
        if (REUTERS_RECORD.matcher(text).find() || text.regionMatches(true, 0, "<!DOCTYPE lewis", 0, 15)) {
            return Format.REUTERS_SGML;
        }
        String root = rootElement(text);
        if (root != null) {
            switch (root.toLowerCase(Locale.ROOT)) {
                case "rss", "feed", "rdf:rdf" -> {
                    return Format.FEED;
                }
                case "html", "head", "body" -> {
                    return Format.HTML;
                }
                default -> {
                }
            }
        }
        if (HTML_MARKERS.matcher(text).find()) {
            return Format.HTML;
        }
        if (text.startsWith("<?xml")) {
            throw new ExtractionException(name + ": XML that is neither an RSS nor an Atom feed"
                    + (root == null ? "" : " (root element <" + root + ">)"));
        }
        // Markup without a document shell: a saved fragment of a page.
        return Format.HTML;
    }

    /** The first element name after the XML declaration, comments and the doctype. */
    static String rootElement(String text) {
        int i = 0;
        while (i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= text.length()) {
                return null;
            }
            char next = text.charAt(lt + 1);
            if (next == '?') {
                i = skipPast(text, lt, "?>");
            } else if (text.startsWith("<!--", lt)) {
                i = skipPast(text, lt, "-->");
            } else if (next == '!') {
                i = skipDoctype(text, lt);
            } else {
                Matcher m = ROOT_ELEMENT.matcher(text);
                return m.find(lt) && m.start() == lt ? m.group(1) : null;
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    private static int skipPast(String text, int from, String end) {
        int at = text.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    /** A doctype may carry an internal subset in brackets, itself full of {@code >}. */
    private static int skipDoctype(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * JSON Lines when the name says so, or when the first line is a whole JSON object on its own and
     * another object starts on a later line. A pretty-printed single object fails the first test.
     */
    private static boolean isJsonLines(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".jsonlines")) {
            return true;
        }
        if (text.charAt(0) != '{') {
            return false;
        }
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return false;
        }
        String firstLine = text.substring(0, newline).strip();
        String rest = text.substring(newline + 1).stripLeading();
        return firstLine.endsWith("}") && balanced(firstLine) && rest.startsWith("{");
    }

    /** Braces balance outside strings: the line is a complete object. */
    private static boolean balanced(String line) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0 && i < line.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }

    private static String headText(byte[] head) {
        if (startsWith(head, 0xFE, 0xFF)) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset utf16 = Utf16WithoutBom.charsetOf(head);
        if (utf16 != null) {
            return new String(head, 0, head.length & ~1, utf16);
        }
        int offset = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        // ISO-8859-1 maps every byte to one char: enough to look at ASCII markup in any ASCII-compatible charset.
        return new String(head, offset, head.length - offset, StandardCharsets.ISO_8859_1);
    }

    private static byte[] gunzipHead(String name, byte[] head) throws ExtractionException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new ExtractionException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static String knownBinary(byte[] head) {
        if (startsWithText(head, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return "a ZIP archive (office documents are ZIP archives too)";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWithText(head, "GIF8")) {
            return "an image";
        }
        return null;
    }

    /**
     * NUL bytes or a high share of control characters in the head: not text. UTF-16, with a byte-order
     * mark or recognisably without one, is text despite its NUL bytes.
     */
    static boolean looksBinary(byte[] head) {
        if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)
                || Utf16WithoutBom.charsetOf(head) != null) {
            return false;
        }
        return TextDecoding.looksBinary(head);
    }

    private static boolean startsWithText(byte[] bytes, String prefix) {
        return startsWith(bytes, prefix.chars().toArray());
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
