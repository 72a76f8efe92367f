package org.parallax.ingest.warc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.parallax.ingest.extract.Sizes;

/**
 * Decompresses a (multi-member) gzip stream while refusing to inflate without bound: it fails once the
 * output passes {@code maxBytes} in all, or once it outgrows the input read so far by more than
 * {@code maxRatio} to one (after a first stretch where ratios are noisy). A gzip bomb is stopped after a
 * bounded amount of work, with memory use constant throughout.
 */
final class GuardedGunzip extends FilterInputStream {

    /** Ratios over tiny amounts say nothing; judge only beyond this much output. */
    private static final long RATIO_GRACE_BYTES = 8L << 20;

    /** Thrown when the guard trips; its message is one line fit to show a user. */
    static final class BombException extends IOException {
        BombException(String message) {
            super(message);
        }
    }

    private final Counting compressed;
    private final long maxBytes;
    private final int maxRatio;
    private long inflated;

    private GuardedGunzip(InputStream gunzip, Counting compressed, long maxBytes, int maxRatio) {
        super(gunzip);
        this.compressed = compressed;
        this.maxBytes = maxBytes;
        this.maxRatio = maxRatio;
    }

    static GuardedGunzip over(InputStream raw, long maxBytes, int maxRatio) throws IOException {
        Counting counting = new Counting(raw);
        return new GuardedGunzip(new GZIPInputStream(counting, 64 * 1024), counting, maxBytes, maxRatio);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            account(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping inflates just the same: route it through read so it is counted.
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    private void account(int n) throws BombException {
        inflated += n;
        if (inflated > maxBytes) {
            throw new BombException("decompresses to more than " + Sizes.describe(maxBytes)
                    + " (the limit for one archive); reading stopped");
        }
        if (inflated > RATIO_GRACE_BYTES && inflated > compressed.count * maxRatio) {
            throw new BombException("decompresses more than " + maxRatio + " to 1, a decompression bomb; reading stopped");
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
