package org.parallax.ingest.html;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article title hidden in a page's {@code <title>}: site names after a separator ("Headline | Site",
 * "Site » Section » Headline") or before a colon are cut off, unless what remains is too short to be a
 * headline. Follows Readability's heuristics, which were tuned on many real pages.
 */
final class DocumentTitle {

    private static final Pattern SEPARATOR = Pattern.compile(" [|\\-–—\\\\/>»] ");
    private static final Pattern HIERARCHICAL = Pattern.compile(" [\\\\/>»] ");
    private static final Pattern AFTER_LAST_SEPARATOR = Pattern.compile("(.*)[|\\-–—\\\\/>»] .*");
    private static final Pattern BEFORE_FIRST_SEPARATOR = Pattern.compile("[^|\\-–—\\\\/>»]*[|\\-–—\\\\/>»](.*)");
    private static final Pattern SEPARATOR_CHARS = Pattern.compile("[|\\-–—\\\\/>»]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MULTI_SPACE = Pattern.compile("\\s{2,}");

    private DocumentTitle() {
    }

    static String of(Document doc) {
        String original = doc.title().strip();
        String title = original;
        boolean hierarchical = false;
        if (SEPARATOR.matcher(title).find()) {
            hierarchical = HIERARCHICAL.matcher(title).find();
            title = AFTER_LAST_SEPARATOR.matcher(original).replaceAll("$1");
            if (wordCount(title) < 3) {
                title = BEFORE_FIRST_SEPARATOR.matcher(original).replaceAll("$1");
            }
        } else if (title.contains(": ")) {
            String trimmed = title.strip();
            boolean headingMatches = false;
            for (Element heading : doc.select("h1, h2")) {
                if (heading.text().strip().equals(trimmed)) {
                    headingMatches = true;
                    break;
                }
            }
            if (!headingMatches) {
                title = original.substring(original.lastIndexOf(':') + 1);
                if (wordCount(title) < 3) {
                    title = original.substring(original.indexOf(':') + 1);
                } else if (wordCount(original.substring(0, original.indexOf(':'))) > 5) {
                    title = original;
                }
            }
        } else if (title.length() > 150 || title.length() < 15) {
            var h1s = doc.select("h1");
            if (h1s.size() == 1) {
                title = h1s.get(0).text();
            }
        }
        title = MULTI_SPACE.matcher(title.strip()).replaceAll(" ");
        int words = wordCount(title);
        if (words <= 4 && (!hierarchical
                || words != wordCount(SEPARATOR_CHARS.matcher(original).replaceAll("")) - 1)) {
            title = original;
        }
        return title;
    }

    /** Words as JavaScript's {@code split(/\s+/)} counts them, leading and trailing empties included. */
    private static int wordCount(String text) {
        return WHITESPACE.split(text, -1).length;
    }
}
