package org.parallax.core.alignment;

/**
 * One word-level difference inside a linked pair. Offsets are into each article's body; a side that has
 * no words in this change has an empty span at the place where the other side's words would go.
 */
public record DiffOp(Type type, int aStart, int aEnd, String a, int bStart, int bEnd, String b) {

    public enum Type {
        /** Words of A replaced by other words in B. */
        CHANGE,
        /** Words only A has. */
        DELETE,
        /** Words only B has. */
        INSERT
    }
}
