package org.parallax.app.web;

import jakarta.ws.rs.NotFoundException;

/** A 404 whose message names what is missing ("No article 42"), fit to show the reader. */
public class MissingResource extends NotFoundException {
    public MissingResource(String message) {
        super(message);
    }
}
