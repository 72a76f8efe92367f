package org.parallax.core.alignment;

/** A span of one article's body, {@code [start, end)}. */
public record Passage(long article, int start, int end) {
}
