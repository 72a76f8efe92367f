package org.parallax.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing to extract articles from: a file, an uploaded part or bytes already in memory. The content
 * is opened on demand and may be opened more than once (type detection peeks at the head first), so a
 * large file is streamed, never held in memory whole unless its format needs that.
 */
public final class Input {

    /** Opens a fresh stream over the whole content. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final String name;
    private final long size;
    private final Content content;
    private final String rejection;

    private Input(String name, long size, Content content, String rejection) {
        this.name = Objects.requireNonNull(name, "name");
        this.size = size;
        this.content = content;
        this.rejection = rejection;
    }

    /** Bytes already in memory, such as a bundled seed. */
    public Input(String name, byte[] bytes) {
        this(name, bytes.length, () -> new ByteArrayInputStream(bytes), null);
    }

    public static Input ofFile(Path path) {
        return ofFile(path.toString(), path);
    }

    /** A file shown to the user under another name (an upload's original file name, say). */
    public static Input ofFile(String name, Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            return rejected(name, name + ": cannot read (" + e.getMessage() + ")");
        }
        return new Input(name, size, () -> Files.newInputStream(path), null);
    }

    /** An input that could not even be opened; extraction reports the reason and moves on. */
    public static Input rejected(String name, String reason) {
        return new Input(name, 0, InputStream::nullInputStream, Objects.requireNonNull(reason, "reason"));
    }

    /** The file name, path or URL the bytes came from, shown in every message about them. */
    public String name() {
        return name;
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    /** Why the input could not be read at all, or null. */
    public String rejection() {
        return rejection;
    }

    public InputStream open() throws IOException {
        return content.open();
    }

    /** Up to {@code max} bytes from the start, for type detection. */
    public byte[] head(int max) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(max);
        }
    }

    /**
     * The whole content, for formats that are parsed as one document.
     *
     * @throws ExtractionException when the content is larger than {@code limit}
     */
    public byte[] readAll(long limit) throws ExtractionException {
        if (size > limit) {
            throw new ExtractionException(name + ": " + Sizes.describe(size) + " is over the "
                    + Sizes.describe(limit) + " limit for one document");
        }
        try (InputStream in = open()) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new ExtractionException(name + ": over the " + Sizes.describe(limit) + " limit for one document");
            }
            return bytes;
        } catch (IOException e) {
            throw new ExtractionException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
