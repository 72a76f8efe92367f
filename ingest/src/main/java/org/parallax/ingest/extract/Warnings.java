package org.parallax.ingest.extract;

/**
 * The warnings attached to articles, worded once so that every reader says the same thing. Each starts
 * with a stable key phrase ("no publication date", "unknown outlet", ...) that normalisation uses to avoid
 * saying the same thing twice.
 */
public final class Warnings {

    public static final String NO_DATE = "no publication date found";
    public static final String DERIVED_HEADLINE = "derived headline: the source has none, so it was taken from the lead";
    public static final String UNKNOWN_OUTLET = "unknown outlet: no URL, masthead or signature names the publisher";
    public static final String PARTIAL_FEED_ITEM = "partial feed item: the feed carries only a summary, not the full text";
    public static final String CAPTURE_DATE = "publication date unknown: the archive's capture date is used instead";

    private Warnings() {
    }

    public static String shortBody(int words) {
        return "short body: only " + words + " words";
    }

    /** A stated outlet name that is not among the known outlets: kept as the source states it. */
    public static String statedOutlet(String name) {
        return "outlet \"" + name + "\" is not a known outlet; kept as the source states it";
    }
}
