package org.parallax.core.annotation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Annotation settings, under {@code parallax.annotations.}. */
@ConfigMapping(prefix = "parallax.annotations")
public interface AnnotationsConfig {

    /** Who may read a shared annotation. Private ones are only ever shown to their author. */
    enum SharedVisibility {
        /** Every logged-in user (the default). */
        LOGGED_IN,
        /** Also visitors who are not logged in, on the article pages; the API always needs a session. */
        PUBLIC
    }

    @WithDefault("logged-in")
    SharedVisibility sharedVisibility();

    /** How long the author can restore a deleted annotation. */
    @WithDefault("P30D")
    Duration restoreWindow();
}
