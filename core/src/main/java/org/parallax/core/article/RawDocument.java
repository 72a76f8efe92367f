package org.parallax.core.article;

import java.util.Objects;

/** Bytes exactly as received, with what is known about them. */
public record RawDocument(byte[] content, String mediaType, String charset, String origin) {
    public RawDocument {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(origin, "origin");
    }

    public String sha256() {
        return ArticleText.sha256(content);
    }
}
