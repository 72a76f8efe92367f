package org.parallax.ingest.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into inputs: files as they are, folders recursively (hidden files skipped,
 * links followed), in a stable order. Nothing is read here: each file is opened when the pipeline reaches it. A path that
 * cannot be expanded becomes a rejected input, so it is reported (and recorded) like any other failure.
 */
public final class InputFiles implements Iterable<Input> {

    private final List<Path> files = new ArrayList<>();
    private final List<Input> rejected = new ArrayList<>();

    public InputFiles(List<Path> paths) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = new ArrayList<>();
                try {
                    // Links are followed: a folder that is, or holds, a link to another folder (a mounted
                    // data set, say) used to yield no files at all, and the run reported success.
                    Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                            new Collector(path, found));
                } catch (IOException | UncheckedIOException e) {
                    rejected.add(Input.rejected(path.toString(), path + ": cannot list folder (" + e.getMessage() + ")"));
                }
                found.sort(null);
                files.addAll(found);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                rejected.add(Input.rejected(path.toString(), path + ": no such file or folder"));
            }
        }
    }

    /** Regular files under one folder, hidden ones left out; what cannot be read becomes a rejected input. */
    private final class Collector extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Path> found;

        Collector(Path root, List<Path> found) {
            this.root = root;
            this.found = found;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
                found.add(file);
            } else if (attrs.isSymbolicLink()) {
                // These are the link's own attributes: its target is missing.
                rejected.add(Input.rejected(file.toString(), file + ": broken link, its target does not exist"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (isHidden(file) || e instanceof FileSystemLoopException) {
                // A link back to a folder above it: what it holds is read once already.
                return FileVisitResult.CONTINUE;
            }
            rejected.add(Input.rejected(file.toString(), file + ": cannot read (" + e.getMessage() + ")"));
            return FileVisitResult.CONTINUE;
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
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
