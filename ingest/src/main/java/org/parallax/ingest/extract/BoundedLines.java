package org.parallax.ingest.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a byte stream line by line, keeping each line's exact bytes, and never more than a set number of
 * bytes for one line: a longer line is skipped and reported as such, so one runaway record cannot exhaust
 * memory. Line ends ({@code \n}, {@code \r\n}) are not part of the returned bytes.
 */
public final class BoundedLines implements AutoCloseable {

    /** One line: its 1-based number and bytes, or {@code tooLong} when it passed the limit (bytes empty). */
    public record Line(long number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    private byte[] buffer = new byte[8192];
    private long number;

    public BoundedLines(InputStream in, long maxBytes) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (tooLong) {
                continue;
            }
            if (length == maxBytes) {
                tooLong = true;
                length = 0;
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
        }
        if (b < 0 && length == 0 && !tooLong) {
            return null;
        }
        number++;
        if (!tooLong && length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return new Line(number, tooLong ? new byte[0] : Arrays.copyOf(buffer, length), tooLong);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
