package org.parallax.ingest.detect;

/** The input formats Parallax reads, as recognised from their content. */
public enum Format {
    /** Scraped plain text, one article. */
    TEXT("text/plain"),
    /** One web page. */
    HTML("text/html"),
    /** An RSS 2.0, RSS 1.0 (RDF) or Atom feed: one article per item. */
    FEED("application/xml"),
    /** A web archive, plain or gzip-compressed: one article per HTML response or resource record. */
    WARC("application/warc"),
    /** A JSON document: one article object or an array of them. */
    JSON("application/json"),
    /** JSON Lines: one article object per line, streamed. */
    JSON_LINES("application/jsonl"),
    /** Reuters-21578 SGML: a stream of {@code <REUTERS>} records. */
    REUTERS_SGML("application/sgml");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type stored with the raw document. */
    public String mediaType() {
        return mediaType;
    }
}
