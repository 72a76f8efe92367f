package org.parallax.app.article;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The raw input an article was extracted from, exactly as received.
 *
 * @param charset the encoding ingest read the bytes with (null when it recorded none)
 */
public record OriginalDocument(byte[] content, String mediaType, String charset, String origin) {

    /**
     * The encoding to serve the bytes in, so a browser shows the characters ingest read: a Windows-1252
     * scrape or a UTF-16 file served as UTF-8 came out as replacement characters. UTF-8 when none is known.
     */
    public Charset servedCharset() {
        if (charset == null || charset.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
