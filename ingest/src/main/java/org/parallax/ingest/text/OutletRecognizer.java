package org.parallax.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the publisher from evidence in the text, never from a guess: a masthead line, a staff
 * signature ("news editor of Antiwar.com") or a sourcing phrase ("told BuzzFeed News"). Known outlets
 * come from {@code outlets.tsv} (name, domain, country), so an unknown name is never invented.
 */
public final class OutletRecognizer {

    /** An outlet recognised with the evidence that named it. */
    public record Recognized(String name, String domain, String evidence) {
    }

    private record Known(String name, String domain, String country) {
    }

    /** Any other domains and short names of a known outlet: they identify it, but never in running text. */
    private record Aliases(List<String> domains, List<String> names) {
    }

    private static final int MASTHEAD_WEIGHT = 5;
    private static final int STAFF_WEIGHT = 4;
    private static final int SOURCING_WEIGHT = 2;

    private final List<Known> known;
    private final Pattern names;
    private final Map<String, Known> byLowerName = new HashMap<>();
    private final Map<String, Known> byDomain = new HashMap<>();
    private final Map<String, Known> byLowerAlias = new HashMap<>();

    private OutletRecognizer(Map<Known, Aliases> outlets) {
        this.known = List.copyOf(outlets.keySet());
        List<String> alternatives = new ArrayList<>();
        for (Map.Entry<Known, Aliases> entry : outlets.entrySet()) {
            Known outlet = entry.getKey();
            alternatives.add(Pattern.quote(outlet.name()));
            byLowerName.put(outlet.name().toLowerCase(Locale.ROOT), outlet);
            if (outlet.domain() != null) {
                byDomain.put(outlet.domain(), outlet);
            }
            entry.getValue().domains().forEach(domain -> byDomain.putIfAbsent(domain, outlet));
            entry.getValue().names().forEach(alias -> byLowerAlias.put(alias.toLowerCase(Locale.ROOT), outlet));
        }
        // Longest names first so "BuzzFeed News" wins over a shorter name inside it.
        alternatives.sort((a, b) -> b.length() - a.length());
        this.names = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }

    public static OutletRecognizer standard() {
        try (InputStream in = OutletRecognizer.class.getResourceAsStream("/outlets.tsv")) {
            if (in == null) {
                throw new IllegalStateException("outlets.tsv missing from the classpath");
            }
            Map<Known, Aliases> known = new java.util.LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                List<String> domains = list(field(fields, 1));
                known.put(new Known(fields[0].strip(), domains.isEmpty() ? null : domains.get(0), field(fields, 2)),
                        new Aliases(domains.size() > 1 ? domains.subList(1, domains.size()) : List.of(),
                                list(field(fields, 3))));
            }
            return new OutletRecognizer(known);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outlets.tsv", e);
        }
    }

    private static List<String> list(String field) {
        if (field == null) {
            return List.of();
        }
        return java.util.Arrays.stream(field.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String field(String[] fields, int index) {
        return fields.length > index && !fields[index].isBlank() ? fields[index].strip() : null;
    }

    /** The outlet that owns a host name ("www.jpost.com" → The Jerusalem Post), if it is known. */
    public Optional<Recognized> fromHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        while (h.contains(".")) {
            Known outlet = byDomain.get(h);
            if (outlet != null) {
                return Optional.of(new Recognized(outlet.name(), outlet.domain(), "domain " + host));
            }
            h = h.substring(h.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    /**
     * The outlet a structured source names ("The New York Times", or a dataset's short form such as "nyt"),
     * if it is known by that name or alias.
     */
    public Optional<Recognized> fromName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        Known outlet = byLowerName.getOrDefault(key, byLowerAlias.get(key));
        return Optional.ofNullable(outlet).map(o -> new Recognized(o.name(), o.domain(), "stated name " + name.strip()));
    }

    /**
     * @param masthead the page's masthead or navigation line, if the scrape kept one
     * @param byline the byline; a wire agency there is the author's employer, not the publisher
     * @param text the article's text
     */
    public Optional<Recognized> recognize(String masthead, String byline, String text) {
        Map<Known, Integer> score = new HashMap<>();
        Map<Known, String> evidence = new HashMap<>();
        if (masthead != null) {
            Matcher m = names.matcher(masthead);
            if (m.find() && m.start() <= 2) {
                vote(score, evidence, m.group(1), MASTHEAD_WEIGHT, "masthead");
            }
            Matcher staff = staffSignature().matcher(masthead);
            while (staff.find()) {
                vote(score, evidence, staff.group(1), STAFF_WEIGHT, "staff signature");
            }
        }
        Matcher staff = staffSignature().matcher(text);
        while (staff.find()) {
            vote(score, evidence, staff.group(1), STAFF_WEIGHT, "staff signature");
        }
        Matcher sourcing = sourcingPhrase().matcher(text);
        while (sourcing.find()) {
            vote(score, evidence, sourcing.group(1), SOURCING_WEIGHT, "sourcing phrase");
        }
        return score.entrySet().stream()
                .max(Map.Entry.<Known, Integer>comparingByValue())
                .map(best -> new Recognized(best.getKey().name(), best.getKey().domain(), evidence.get(best.getKey())));
    }

    private void vote(Map<Known, Integer> score, Map<Known, String> evidence, String name, int weight, String why) {
        Known outlet = byLowerName.get(name.toLowerCase(Locale.ROOT));
        if (outlet != null) {
            score.merge(outlet, weight, Integer::sum);
            evidence.putIfAbsent(outlet, why);
        }
    }

    private Pattern staffSignature() {
        return Pattern.compile("\\b(?:editor|reporter|correspondent|writer|columnist|contributor|producer)"
                + "(?: at large)? (?:of|for|at) " + names.pattern());
    }

    private Pattern sourcingPhrase() {
        return Pattern.compile("\\b(?:told|tell|tells|telling|said to|confirmed to) " + names.pattern());
    }

    public int size() {
        return known.size();
    }
}
