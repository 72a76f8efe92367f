package org.parallax.core.article;

/** What role a block of text plays in an article. Stored lower-case in {@code paragraph.kind}. */
public enum ParagraphKind {
    PARAGRAPH,
    HEADING,
    /** A block quotation set apart from the running text. */
    QUOTE,
    /** A photo caption or credit the publisher kept inside the article body. */
    CAPTION;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ParagraphKind fromDbValue(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
