package org.parallax.ingest.extract;

import java.util.Objects;

/**
 * One thing to extract articles from: a file's bytes or an uploaded body.
 *
 * @param name the file name, path or URL the bytes came from, shown in every message about them
 * @param rejection why the input could not even be read (too large, unreadable), or null
 */
public record Input(String name, byte[] bytes, String rejection) {
    public Input {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    public Input(String name, byte[] bytes) {
        this(name, bytes, null);
    }

    public static Input rejected(String name, String reason) {
        return new Input(name, new byte[0], reason);
    }
}
