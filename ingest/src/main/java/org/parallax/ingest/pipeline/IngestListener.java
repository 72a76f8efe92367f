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

    /** An input or one record inside it failed; {@code message} is the one-line reason. */
    default void failed(String message) {
    }

    /** All of an input has been read. */
    default void inputDone(Input input) {
    }
}
