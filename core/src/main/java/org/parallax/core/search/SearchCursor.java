package org.parallax.core.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page starts: the last hit's score and id, and the reference time recency was computed
 * against, so every page of one search ranks with the same clock. Opaque to clients.
 */
record SearchCursor(double score, long id, Instant reference) {

    private static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST = Instant.parse("9999-12-31T00:00:00Z").getEpochSecond();

    String encode() {
        String raw = score + "|" + id + "|" + reference.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for null, blank or tampered cursors: the search then starts at the first page. */
    static Optional<SearchCursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            double score = Double.parseDouble(parts[0]);
            if (!Double.isFinite(score)) {
                return Optional.empty();
            }
            long reference = Long.parseLong(parts[2]);
            // Only this class writes cursors, with today's date: any other reference is tampered, and one
            // outside PostgreSQL's timestamp range would fail the search.
            if (reference < EARLIEST || reference > LATEST) {
                return Optional.empty();
            }
            return Optional.of(new SearchCursor(score, Long.parseLong(parts[1]), Instant.ofEpochSecond(reference)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
