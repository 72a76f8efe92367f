package org.parallax.core.quote;

/**
 * Words inside quotation marks. {@code [start, end)} are offsets into the article body and exclude the marks.
 *
 * @param speaker who the text says spoke them ("Putin", "the senior White House official"), or null
 * @param nested whether the quote sits inside another quote
 */
public record QuoteSpan(int start, int end, String text, String speaker, boolean nested) {
}
