package org.parallax.core.quote;

import java.util.List;

/** Quotes of several articles that say the same thing, and who said it when the articles name someone. */
public record QuoteCluster(String speaker, List<QuoteRef> members) {

    public QuoteCluster {
        members = List.copyOf(members);
    }
}
