package org.parallax.ingest.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into inputs: files as they are, folders recursively (hidden files skipped),
 * in a stable order. Nothing is read here: each file is opened when the pipeline reaches it. A path that
 * cannot be expanded becomes a rejected input, so it is reported (and recorded) like any other failure.
 */
public final class InputFiles implements Iterable<Input> {

    private final List<Path> files = new ArrayList<>();
    private final List<Input> rejected = new ArrayList<>();

    public InputFiles(List<Path> paths) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(path.relativize(p)))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    rejected.add(Input.rejected(path.toString(), path + ": cannot list folder (" + e.getMessage() + ")"));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                rejected.add(Input.rejected(path.toString(), path + ": no such file or folder"));
            }
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The number of inputs: files found plus paths that could not be expanded. */
    public int size() {
        return files.size() + rejected.size();
    }

    /** Total bytes of the files found, for progress reporting. */
    public long totalBytes() {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // Reported when the file itself is read; progress only needs an estimate.
            }
        }
        return total;
    }

    @Override
    public Iterator<Input> iterator() {
        return Stream.concat(rejected.stream(), files.stream().map(Input::ofFile)).iterator();
    }
}
