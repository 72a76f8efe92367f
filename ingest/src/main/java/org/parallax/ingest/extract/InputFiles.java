package org.parallax.ingest.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Expands command-line paths into inputs: files as they are, folders recursively (hidden files skipped),
 * in a stable order. Files are read one at a time, when the pipeline reaches them, so memory stays
 * bounded by the largest file allowed.
 */
public final class InputFiles implements Iterable<Input> {

    private final List<Path> files = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final long maxBytes;

    public InputFiles(List<Path> paths, long maxBytes) {
        this.maxBytes = maxBytes;
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(path.relativize(p)))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.add(path + ": cannot list folder (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                problems.add(path + ": no such file or folder");
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

    /** Paths that could not be expanded, each a one-line message. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public int size() {
        return files.size();
    }

    @Override
    public Iterator<Input> iterator() {
        Iterator<Path> paths = files.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paths.hasNext();
            }

            @Override
            public Input next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return read(paths.next());
            }
        };
    }

    private Input read(Path path) {
        String name = path.toString();
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                return Input.rejected(name, name + ": " + size + " bytes is over the " + maxBytes + "-byte limit");
            }
            return new Input(name, Files.readAllBytes(path));
        } catch (IOException e) {
            return Input.rejected(name, name + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
