package org.parallax.app.web;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result rows, whose Java types depend on the driver and Hibernate's mapping. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column: an Instant, OffsetDateTime or Timestamp by the query's path; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
