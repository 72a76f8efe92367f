package org.parallax.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads BASIL's JSON articles ({@code title}, {@code date}, {@code source}, {@code triplet-uuid},
 * {@code body-paragraphs}: a list of paragraphs, each a list of sentences). Until ingest reads this JSON
 * itself, the benchmark builds the bodies here, laid out as stored bodies are.
 */
final class Basil {

    private Basil() {
    }

    static List<Corpus.Doc> read(Path folder) {
        ObjectMapper json = new ObjectMapper();
        List<Corpus.Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = json.readTree(file.toFile());
                List<String> paragraphs = new ArrayList<>();
                for (JsonNode paragraph : node.path("body-paragraphs")) {
                    List<String> sentences = new ArrayList<>();
                    paragraph.forEach(sentence -> sentences.add(sentence.asText().strip()));
                    String text = String.join(" ", sentences).strip();
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
                String date = node.path("date").asText("");
                docs.add(new Corpus.Doc(docs.size() + 1L, node.path("triplet-uuid").asText(),
                        outlet(node.path("source").asText()),
                        date.length() >= 10 ? LocalDate.parse(date.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant() : null,
                        node.path("title").asText(), String.join("\n\n", paragraphs)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BASIL corpus in " + folder, e);
        }
        return docs;
    }

    private static String outlet(String source) {
        return switch (source.toLowerCase(Locale.ROOT)) {
            case "fox" -> "Fox News";
            case "nyt" -> "The New York Times";
            case "hpo" -> "HuffPost";
            default -> source;
        };
    }
}
