package org.parallax.app.web;

/**
 * Something that was here and was removed on purpose: a {@code 410 Gone} whose message says who removed it,
 * when and why, so a reader following an old link learns more than "not found".
 */
public class RemovedResource extends RuntimeException {
    public RemovedResource(String message) {
        super(message);
    }
}
