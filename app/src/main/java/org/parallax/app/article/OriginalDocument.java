package org.parallax.app.article;

/** The raw input an article was extracted from, exactly as received. */
public record OriginalDocument(byte[] content, String mediaType, String origin) {
}
