package org.parallax.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash over word 5-shingles, with locality-sensitive-hashing bands for candidate lookup.
 *
 * <p>The Jaccard similarity of two bodies' shingle sets is estimated by the share of signature positions
 * that agree. With {@value #BANDS} bands of {@value #ROWS} rows, two bodies share at least one band with
 * probability 1 - (1 - s^6)^20: 0.9999 at s = 0.85 (a copy with a changed sentence or two), 0.92 at 0.7,
 * 0.62 at 0.6, and only 0.08 at 0.4. The band lookup so finds near-duplicates without comparing a new
 * article to every stored one, and formulaic texts that merely look alike (earnings tables, briefs) rarely
 * come up as candidates at all.
 */
public final class MinHash {

    public static final int BANDS = 20;
    public static final int ROWS = 6;
    public static final int SIZE = BANDS * ROWS;
    static final int SHINGLE_WORDS = 5;
    /** Fewer shingles than this and two unrelated short texts (headline-only wire briefs) look alike. */
    static final int MIN_SHINGLES = 20;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final long[] SEEDS = new long[SIZE];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private MinHash() {
    }

    /** A body's signature and its band keys. */
    public record Signature(int[] minhash, long[] bands) {

        /** The signature as JDBC array elements ({@code integer[]} in PostgreSQL). */
        public Integer[] minhashElements() {
            return java.util.stream.IntStream.of(minhash).boxed().toArray(Integer[]::new);
        }

        /** The LSH bands as JDBC array elements ({@code bigint[]} in PostgreSQL). */
        public Long[] bandElements() {
            return java.util.stream.LongStream.of(bands).boxed().toArray(Long[]::new);
        }

        /** Estimated Jaccard similarity of the two bodies' shingle sets, 0..1. */
        public double similarity(int[] other) {
            int same = 0;
            for (int i = 0; i < SIZE; i++) {
                if (minhash[i] == other[i]) {
                    same++;
                }
            }
            return same / (double) SIZE;
        }
    }

    /** The signature of a text, or empty when it is too short to compare reliably. */
    public static Optional<Signature> of(String text) {
        long[] words = wordHashes(text);
        int shingles = words.length - SHINGLE_WORDS + 1;
        if (shingles < MIN_SHINGLES) {
            return Optional.empty();
        }
        int[] minhash = new int[SIZE];
        Arrays.fill(minhash, Integer.MAX_VALUE);
        for (int s = 0; s < shingles; s++) {
            long shingle = 0;
            for (int w = 0; w < SHINGLE_WORDS; w++) {
                shingle = shingle * 0x100000001B3L + words[s + w];
            }
            for (int i = 0; i < SIZE; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < minhash[i]) {
                    minhash[i] = h;
                }
            }
        }
        return Optional.of(new Signature(minhash, bands(minhash)));
    }

    static long[] bands(int[] minhash) {
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            // The band's index is part of its key: equal rows in different bands are no evidence.
            long key = b;
            for (int r = 0; r < ROWS; r++) {
                key = mix(key * 31 + minhash[b * ROWS + r]);
            }
            bands[b] = key;
        }
        return bands;
    }

    private static long[] wordHashes(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        long[] hashes = new long[64];
        int n = 0;
        while (m.find()) {
            if (n == hashes.length) {
                hashes = Arrays.copyOf(hashes, n * 2);
            }
            hashes[n++] = mix(m.group().hashCode() * 0xC2B2AE3D27D4EB4FL);
        }
        return Arrays.copyOf(hashes, n);
    }

    /** SplitMix64's finaliser: a fast, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
