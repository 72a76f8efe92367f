package org.parallax.ingest.pipeline;

import org.parallax.core.article.StoreResult;
import org.parallax.ingest.extract.Input;

/** Told as an ingest goes, for progress displays. Called on the ingesting thread. */
public interface IngestListener {

    IngestListener NONE = new IngestListener() {
    };

    /** One article was stored (or found already stored). */
    default void stored(StoreResult result) {
    }

    /**
     * One article was stored (or found already stored), read from {@code source}: the input's name, with the
     * record or line inside it for archives, feeds and JSON (as error messages name it). Two uploads of the
     * same text store one article, so only the source tells the rows of a report apart.
     */
    default void stored(String source, StoreResult result) {
        stored(result);
    }

    /** An input or one record inside it failed; {@code message} is the one-line reason. */
    default void failed(String message) {
    }

    /** All of an input has been read. */
    default void inputDone(Input input) {
    }
}
