package org.parallax.ingest.extract;

/**
 * Bounds that keep memory and time in check whatever the input: one-document files are read whole up to
 * {@code maxDocumentBytes}; streamed formats (WARC, JSON Lines, SGML) hold one record at a time, up to
 * {@code maxRecordBytes}; a compressed archive may inflate to {@code maxArchiveBytes} in all and never by
 * more than {@code maxCompressionRatio} to one.
 */
public record IngestLimits(long maxDocumentBytes, long maxRecordBytes, long maxArchiveBytes,
                           int maxCompressionRatio) {

    public static final IngestLimits DEFAULT = new IngestLimits(10L << 20, 10L << 20, 20L << 30, 100);

    public IngestLimits {
        if (maxDocumentBytes <= 0 || maxRecordBytes <= 0 || maxArchiveBytes <= 0 || maxCompressionRatio <= 1) {
            throw new IllegalArgumentException("ingest limits must be positive (ratio above 1)");
        }
        if (maxDocumentBytes > Integer.MAX_VALUE - 8 || maxRecordBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a document or record cannot be larger than 2 GiB");
        }
    }
}
