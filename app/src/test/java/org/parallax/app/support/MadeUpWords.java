package org.parallax.app.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up words for test articles. Text that differs only by a nonce is a near-duplicate of the same test's
 * article from an earlier run on the same database (and groups with it); these words make each run's article
 * its own.
 */
public final class MadeUpWords {

    private MadeUpWords() {
    }

    /** Different on every call. */
    public static String words(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 8; j++) {
                words.append((char) ('a' + random.nextInt(26)));
            }
            words.append(i + 1 < count ? " " : "");
        }
        return words.toString();
    }
}
