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
            return Optional.of(new SearchCursor(score, Long.parseLong(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
