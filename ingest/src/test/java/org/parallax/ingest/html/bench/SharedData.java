package org.parallax.ingest.html.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared real-page data ({@code ../shared/data} beside the repository). Tests run from the
 * module folder, benchmarks from the repository root; {@code -Dparallax.data=PATH} overrides both.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Optional<Path> readabilityPages() {
        String configured = System.getProperty("parallax.data");
        Path[] candidates = configured != null
                ? new Path[] {Path.of(configured)}
                : new Path[] {Path.of("../shared/data"), Path.of("../../shared/data")};
        for (Path candidate : candidates) {
            Path pages = candidate.resolve("readability-pages");
            if (Files.isDirectory(pages)) {
                return Optional.of(pages.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
