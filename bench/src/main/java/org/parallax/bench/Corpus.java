package org.parallax.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Where the shared corpora live, and one article of them. */
final class Corpus {

    private Corpus() {
    }

    /** An article read from a corpus: its body laid out as stored bodies are (paragraphs joined by blank lines). */
    record Doc(long id, String event, String outlet, Instant date, String title, String body) {
    }

    static Path data(String folder) {
        Path path = Path.of(System.getProperty("parallax.data", "../shared/data")).resolve(folder);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("corpus folder not found: " + path.toAbsolutePath()
                    + " (set -Dparallax.data=/path/to/shared/data)");
        }
        return path;
    }
}
