package org.parallax.core.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed search: the free text for {@code websearch_to_tsquery} and the filters taken out of it.
 *
 * @param text what remains for full-text matching ("exact phrase", or, -exclude); may be empty
 * @param notes what the parser changed or ignored, in words fit to show the user
 */
public record SearchQuery(String text, String outlet, LocalDate from, LocalDate to, Long storyId,
                          List<String> notes) {

    public SearchQuery {
        text = text == null ? "" : text;
        notes = List.copyOf(notes);
    }

    public boolean hasText() {
        return !text.isBlank();
    }

    public boolean hasFilters() {
        return outlet != null || from != null || to != null || storyId != null;
    }

    public boolean isEmpty() {
        return !hasText() && !hasFilters();
    }
}
