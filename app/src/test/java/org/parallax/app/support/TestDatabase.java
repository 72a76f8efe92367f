package org.parallax.app.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Properties;
import org.parallax.app.boot.DatabasePreflight;
import org.parallax.app.boot.DatabaseSettings;

/**
 * Creates the test database on the local PostgreSQL before Quarkus starts, the way the real entry point
 * does for {@code parallax}. Tests always run against a real server, never an embedded stand-in.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/parallax_test";

    @Override
    public Map<String, String> start() {
        String url = System.getenv().getOrDefault("PARALLAX_TEST_DB_URL", DEFAULT_URL);
        Properties props = new Properties();
        props.setProperty("quarkus.datasource.jdbc.url", url);
        try {
            DatabasePreflight.ensureDatabase(DatabaseSettings.resolve(props, System.getenv()));
        } catch (DatabasePreflight.Unavailable e) {
            throw new IllegalStateException(e.getMessage());
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The database stays: .ci/run recreates it, and developers may want to look into it after a run.
    }
}
