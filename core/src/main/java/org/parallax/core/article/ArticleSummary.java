package org.parallax.core.article;

import java.time.Instant;
import java.util.List;

/**
 * A stored article as a list shows it: enough to recognise it and to judge its extraction.
 *
 * @param outlet the outlet's name, null when unknown
 * @param warnings what extraction could not establish (no date, derived headline, unknown outlet, ...)
 */
public record ArticleSummary(long id, String headline, boolean headlineDerived, String outlet, Instant publishedAt,
                             String language, float confidence, List<String> warnings) {

    public int confidencePercent() {
        return Math.round(confidence * 100);
    }
}
