package org.parallax.core.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.text.ControlCharacters;

/**
 * Reads the search box: web-search syntax for the text ({@code "phrase"}, {@code or}, {@code -word}) plus
 * the filters {@code outlet:}, {@code from:}, {@code to:} and {@code story:}. Never fails: anything it
 * cannot use is dropped with a note that says so.
 */
public final class SearchQueryParser {

    /** Longer queries are cut here; nobody types more, and tsquery cost grows with length. */
    public static final int MAX_CHARS = 500;

    /** Dates a search can filter on: four-digit years, well inside what a PostgreSQL timestamp holds. */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private static final Pattern FILTER = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(outlet|from|to|story):(?:\"([^\"]*)\"?|(\\S+))");

    /**
     * A filter name with nothing after it ({@code outlet:} at the end, or before a space). Left in the text
     * it was searched for as the word "outlet" and offered to the speller, which suggested "out:".
     */
    private static final Pattern EMPTY_FILTER = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(outlet|from|to|story):(?=\\s|$)");

    private SearchQueryParser() {
    }

    public static SearchQuery parse(String raw) {
        return parse(raw, null, null, null, null);
    }

    /** Filters given as separate parameters (the API's) apply unless the text names the same filter. */
    public static SearchQuery parse(String raw, String outlet, String from, String to, String story) {
        List<String> notes = new ArrayList<>();
        String text = raw == null ? "" : raw;
        if (ControlCharacters.present(text)) {
            text = ControlCharacters.replace(text);
            notes.add("Removed control characters from the query.");
        }
        text = text.replaceAll("\\s+", " ").strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
            notes.add("The query was shortened to its first " + MAX_CHARS + " characters.");
        }
        String outletFilter = blankToNull(outlet);
        String fromFilter = blankToNull(from);
        String toFilter = blankToNull(to);
        String storyFilter = blankToNull(story);
        Matcher m = FILTER.matcher(text);
        StringBuilder rest = new StringBuilder();
        // The last of two different values wins, as a facet link replaces the value before it; each
        // repeat is noted, since only one outlet (or date, or story) is searched.
        Map<String, String> typed = new LinkedHashMap<>();
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) != null ? m.group(2).strip() : m.group(3);
            m.appendReplacement(rest, " ");
            if (value.isEmpty()) {
                notes.add(emptyNote(name));
                continue;
            }
            String earlier = typed.put(name, value);
            if (earlier != null && !earlier.equalsIgnoreCase(value)) {
                notes.removeIf(n -> n.startsWith("Two " + name + ": filters;"));
                notes.add("Two " + name + ": filters; searching " + name + ":" + shown(name, value) + " only.");
            }
            switch (name) {
                case "outlet" -> outletFilter = value;
                case "from" -> fromFilter = value;
                case "to" -> toFilter = value;
                default -> storyFilter = value;
            }
        }
        m.appendTail(rest);
        Matcher empty = EMPTY_FILTER.matcher(rest.toString());
        StringBuilder words = new StringBuilder();
        while (empty.find()) {
            notes.add(emptyNote(empty.group(1).toLowerCase(Locale.ROOT)));
            empty.appendReplacement(words, " ");
        }
        empty.appendTail(words);
        String remaining = words.toString().replaceAll("\\s+", " ").strip();
        LocalDate fromDate = date("from", fromFilter, notes);
        LocalDate toDate = date("to", toFilter, notes);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            // Nothing is published after a date and before an earlier one: whoever typed the two dates wants
            // the days between them, so they are searched that way round rather than finding nothing.
            notes.add("from: is after to:; searching from:" + toDate + " to:" + fromDate + " instead.");
            LocalDate swap = fromDate;
            fromDate = toDate;
            toDate = swap;
        }
        return new SearchQuery(remaining, blankToNull(outletFilter), fromDate, toDate, story(storyFilter, notes),
                notes);
    }

    private static String emptyNote(String name) {
        return "Ignored " + name + ": with nothing after it (" + EXAMPLES.get(name) + ").";
    }

    private static final Map<String, String> EXAMPLES = Map.of(
            "outlet", "as in outlet:\"The Jerusalem Post\"",
            "from", "dates look like 2020-09-25",
            "to", "dates look like 2020-09-25",
            "story", "as in story:12");

    /** A value as it would be typed: outlets are names, quoted as the help text writes them. */
    private static String shown(String name, String value) {
        return name.equals("outlet") || value.contains(" ") ? "\"" + value + "\"" : value;
    }

    /**
     * {@code raw} with its words replaced by {@code text} and its filters kept as typed: a corrected
     * spelling must not drop the {@code outlet:} or dates the search was narrowed with.
     */
    public static String withText(String raw, String text) {
        StringBuilder query = new StringBuilder(text == null ? "" : text.strip());
        Matcher m = FILTER.matcher(raw == null ? "" : raw.replaceAll("\\s+", " "));
        while (m.find()) {
            query.append(' ').append(m.group());
        }
        return query.toString().strip();
    }

    private static LocalDate date(String name, String value, List<String> notes) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            // ISO also reads "+999999999-12-31" and "-5000-01-01", which PostgreSQL cannot compare with.
            if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // noted below
        }
        notes.add("Ignored " + name + ":" + value + " (dates look like 2020-09-25).");
        return null;
    }

    private static Long story(String value, List<String> notes) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            notes.add("Ignored story:" + value + " (stories are numbered, as in story:12).");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
