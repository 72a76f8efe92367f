package org.parallax.ingest.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a byte stream line by line, keeping each line's exact bytes, and never more than a set number of
 * bytes for one line: a longer line is skipped and reported as such, so one runaway record cannot exhaust
 * memory. Line ends ({@code \n}, {@code \r\n}) are not part of the returned bytes.
 *
 * <p>In UTF-16 a line ends at the code unit {@code \n}, two bytes, never at a lone 0x0A byte: split byte by
 * byte, every line after the first of a little-endian file began with the previous line end's zero byte,
 * which shifted its characters by half a unit, and a big-endian character such as U+200A ended a line in
 * the middle of the character.
 */
public final class BoundedLines implements AutoCloseable {

    /** One line: its 1-based number and bytes, or {@code tooLong} when it passed the limit (bytes empty). */
    public record Line(long number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    /** UTF-16: lines of two-byte code units. */
    private final boolean utf16;
    private final boolean bigEndian;
    private byte[] buffer = new byte[8192];
    private long number;

    /** Lines of UTF-8, ASCII or any other encoding in which a line end is the single byte 0x0A. */
    public BoundedLines(InputStream in, long maxBytes) {
        this(in, maxBytes, StandardCharsets.UTF_8);
    }

    /** Lines of text in this encoding: UTF-16BE and UTF-16LE are read in code units, any other in bytes. */
    public BoundedLines(InputStream in, long maxBytes, Charset charset) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        this.bigEndian = charset.equals(StandardCharsets.UTF_16BE);
        this.utf16 = bigEndian || charset.equals(StandardCharsets.UTF_16LE);
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        return utf16 ? nextOfUnits() : nextOfBytes();
    }

    private Line nextOfBytes() throws IOException {
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

    private Line nextOfUnits() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean read = false;
        int first;
        while ((first = in.read()) >= 0) {
            read = true;
            int second = in.read();
            if (bigEndian ? first == 0 && second == '\n' : first == '\n' && second == 0) {
                break;
            }
            // half a code unit at the end of a truncated file is kept: the line then reads as damaged
            int bytes = second < 0 ? 1 : 2;
            if (!tooLong && length + bytes > maxBytes) {
                tooLong = true;
                length = 0;
            }
            if (!tooLong) {
                if (length + bytes > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
                }
                buffer[length++] = (byte) first;
                if (second >= 0) {
                    buffer[length++] = (byte) second;
                }
            }
            if (second < 0) {
                break;
            }
        }
        if (!read) {
            return null;
        }
        number++;
        boolean carriageReturn = length >= 2 && (bigEndian
                ? buffer[length - 2] == 0 && buffer[length - 1] == '\r'
                : buffer[length - 2] == '\r' && buffer[length - 1] == 0);
        if (!tooLong && carriageReturn) {
            length -= 2;
        }
        return new Line(number, tooLong ? new byte[0] : Arrays.copyOf(buffer, length), tooLong);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
