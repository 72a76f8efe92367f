package org.parallax.core.article;

/** What storing one extracted article did. */
public record StoreResult(Status status, long articleId) {

    public enum Status {
        /** A new article was written. */
        NEW,
        /** The same normalised body was already stored: nothing changed. */
        UNCHANGED
    }
}
