package org.parallax.core.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest settings, under {@code parallax.ingest.}; sizes accept suffixes such as {@code 10M} or {@code 4G}. */
@ConfigMapping(prefix = "parallax.ingest")
public interface IngestConfig {

    /**
     * Wait for each article's commit to reach disk. Off by default: ingest is idempotent, so the few
     * articles a server crash could lose from the last fraction of a second come back on the next run,
     * and not waiting for every commit's fsync is what lets ingest keep up with a crawl. Each article is
     * still stored whole or not at all.
     */
    @WithDefault("false")
    boolean durableCommits();

    /** Largest single-document file (text, HTML page, feed, JSON document) read into memory. */
    @WithDefault("10M")
    MemorySize maxDocumentSize();

    /** Largest record inside a streamed file (WARC record payload, JSON Lines line, SGML record). */
    @WithDefault("10M")
    MemorySize maxRecordSize();

    /** Most bytes one compressed archive (WARC.gz) may decompress to. */
    @WithDefault("20G")
    MemorySize maxArchiveSize();

    /** Decompressed-to-compressed ratio above which an archive is treated as a decompression bomb. */
    @WithDefault("100")
    int maxCompressionRatio();
}
