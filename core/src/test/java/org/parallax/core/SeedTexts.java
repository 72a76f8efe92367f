package org.parallax.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.parallax.seeds.Seeds;

/**
 * The seed articles as article bodies, for tests of core without the ingest module: every non-blank line of
 * the scraped text becomes a paragraph, joined by blank lines as stored bodies are. Unlike the extractor,
 * this keeps the page furniture (headline, masthead, captions, "Skip to footer"), which only makes the
 * tests harder.
 */
public final class SeedTexts {

    private SeedTexts() {
    }

    /** @param prefix the seed's number, "000" to "004" */
    public static String body(String prefix) {
        String name = Seeds.names().stream().filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        String text = new String(Seeds.byName(name).content(), StandardCharsets.UTF_8).replace("\r", "");
        return Arrays.stream(text.split("\n"))
                .map(line -> line.replace('\u00A0', ' ').strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    /** The first line: the headline. */
    public static String headline(String prefix) {
        return body(prefix).lines().findFirst().orElseThrow();
    }
}
