package org.parallax.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Against the local PostgreSQL the tests use, on throwaway databases. */
class DatabasePreflightTests {

    private static DatabaseSettings settingsFor(String database) {
        String testUrl = System.getenv().getOrDefault("PARALLAX_TEST_DB_URL",
                "jdbc:postgresql://localhost:5432/parallax_test");
        Properties props = new Properties();
        props.setProperty("quarkus.datasource.jdbc.url", testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + database);
        return DatabaseSettings.resolve(props, Map.of());
    }

    private static void drop(DatabaseSettings settings) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.maintenanceUrl(), settings.username(), settings.password())) {
            c.createStatement().execute("drop database if exists " + settings.databaseName() + " with (force)");
        }
    }

    @Test
    void createsAMissingDatabase() throws Exception {
        DatabaseSettings settings = settingsFor("parallax_preflight_" + ProcessHandle.current().pid());
        drop(settings);
        try {
            DatabasePreflight.ensureDatabase(settings);
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password())) {
                assertThat(c.isValid(2)).isTrue();
            }
            DatabasePreflight.ensureDatabase(settings); // a second start finds it and changes nothing
        } finally {
            drop(settings);
        }
    }

    @Test
    void replicasStartingTogetherBothGetTheDatabase() throws Exception {
        // Two processes creating one database at once: the loser must wait for it, not give up.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 3; round++) {
                DatabaseSettings settings = settingsFor("parallax_race_" + ProcessHandle.current().pid() + "_" + round);
                drop(settings);
                try {
                    List<Future<Void>> starts = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        starts.add(pool.submit((Callable<Void>) () -> {
                            DatabasePreflight.ensureDatabase(settings);
                            return null;
                        }));
                    }
                    for (Future<Void> start : starts) {
                        start.get(); // throws if any replica gave up
                    }
                } finally {
                    drop(settings);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
