package org.parallax.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTests {

    @Test
    void environmentOverridesTheFileAndSystemPropertiesOverrideBoth() {
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/news",
                "QUARKUS_DATASOURCE_USERNAME", "reader");
        DatabaseSettings fromEnv = DatabaseSettings.resolve(new Properties(), env);
        assertThat(fromEnv.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/news");
        assertThat(fromEnv.username()).isEqualTo("reader");

        Properties system = new Properties();
        system.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://other:5433/x");
        assertThat(DatabaseSettings.resolve(system, env).jdbcUrl()).isEqualTo("jdbc:postgresql://other:5433/x");
    }

    @Test
    void defaultsNameTheLocalParallaxDatabase() {
        DatabaseSettings defaults = DatabaseSettings.resolve(new Properties(), Map.of());
        assertThat(defaults.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/parallax");
        assertThat(defaults.databaseName()).isEqualTo("parallax");
    }

    @Test
    void maintenanceUrlKeepsHostAndParameters() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://db.example:6543/parallax?sslmode=require",
                "u", "p");
        assertThat(s.databaseName()).isEqualTo("parallax");
        assertThat(s.maintenanceUrl()).isEqualTo("jdbc:postgresql://db.example:6543/postgres?sslmode=require");
    }

    @Test
    void unreachableServerGivesOneMessageThatSaysHowToFixIt() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/parallax", "postgres", "");
        assertThatThrownBy(() -> DatabasePreflight.ensureDatabase(nowhere))
                .isInstanceOf(DatabasePreflight.Unavailable.class)
                .hasMessageContaining("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/parallax")
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageContaining("pg_ctlcluster");
    }
}
