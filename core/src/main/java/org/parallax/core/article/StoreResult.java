package org.parallax.core.article;

/**
 * What storing one extracted article did.
 *
 * @param nearDuplicateOf for {@link Status#NEAR_DUPLICATE}, the stored article the new one resembles
 */
public record StoreResult(Status status, long articleId, Long nearDuplicateOf) {

    public enum Status {
        /** A new article was written. */
        NEW,
        /** The same normalised body was already stored: nothing changed. */
        UNCHANGED,
        /** A new article was written and linked to the stored article it nearly duplicates. */
        NEAR_DUPLICATE,
        /** A stored article (same URL, same outlet) got a changed body: updated in place, old text kept. */
        REVISED,
        /**
         * Nothing written: an editor removed an article with this body or at this address as not an article
         * ({@code articleId} is the removed one's).
         */
        REMOVED
    }

    public StoreResult(Status status, long articleId) {
        this(status, articleId, null);
    }
}
