package org.parallax.app.web;

import jakarta.ws.rs.BadRequestException;

/** A 400 whose message says, in words a reader understands, what was wrong with the address. */
public class InvalidRequest extends BadRequestException {
    public InvalidRequest(String message) {
        super(message);
    }
}
