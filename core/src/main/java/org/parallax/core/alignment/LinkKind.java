package org.parallax.core.alignment;

import java.util.Locale;

/** How closely two linked passages agree. Stored lower-case in {@code passage_link.kind}. */
public enum LinkKind {
    /** The same words in the same order (case, punctuation and whitespace aside). */
    VERBATIM,
    /** The same passage with small edits: a word changed, added or dropped, another spelling. */
    NEAR,
    /** The same content in other words: another translation, a rewording, a summary of one statement. */
    PARAPHRASE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkKind fromDbValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
