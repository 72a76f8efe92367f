package org.parallax.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Parallax's own settings, under the {@code parallax.} prefix. */
@ConfigMapping(prefix = "parallax")
public interface ParallaxConfig {

    Seeds seeds();

    Pages pages();

    interface Seeds {
        /** Load the bundled sample articles when the app starts (idempotent: a restart adds nothing). */
        @WithDefault("true")
        boolean loadOnStart();
    }

    interface Pages {
        /** How many entries a listing page shows. */
        @WithDefault("20")
        int pageSize();
    }
}
