package org.parallax.core.ingest;

import java.util.Locale;

/** How a near-duplicate relates to the stored article it resembles. Stored lower-case. */
public enum DuplicateKind {
    /** The same story carried by another outlet (typically a wire story republished). */
    SYNDICATED,
    /** A later version of the same page or the same outlet's story: edited, corrected, extended. */
    UPDATED_VERSION;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DuplicateKind fromDbValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
