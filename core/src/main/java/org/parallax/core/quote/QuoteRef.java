package org.parallax.core.quote;

/** A quote of one article. */
public record QuoteRef(long article, QuoteSpan quote) {
}
