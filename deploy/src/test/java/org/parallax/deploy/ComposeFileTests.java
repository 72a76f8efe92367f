package org.parallax.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/compose.yaml: PostgreSQL with a volume and a health check, the app waiting for it. */
class ComposeFileTests {

    /** {@code ${NAME:-default}} or {@code ${NAME:?message}}: compose's variable forms used in the file. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*)|:\\?[^}]*)?}");

    private final JsonNode compose = StrictYaml.tree("compose.yaml", DeployFiles.read(DeployFiles.DEPLOY.resolve("compose.yaml")));
    private final JsonNode services = compose.path("services");
    private final JsonNode app = services.path("app");

    @Test
    void appStartsOnlyOnceThePostgresHealthCheckPasses() {
        JsonNode dependsOn = app.path("depends_on");
        assertThat(dependsOn.fieldNames()).toIterable().isNotEmpty();
        dependsOn.fields().forEachRemaining(dependency -> {
            assertThat(dependency.getValue().path("condition").asText()).isEqualTo("service_healthy");
            JsonNode healthcheck = services.path(dependency.getKey()).path("healthcheck");
            assertThat(healthcheck.path("test").toString()).as("health check of %s", dependency.getKey())
                    .contains("pg_isready");
        });
    }

    @Test
    void postgresKeepsItsDataInADeclaredVolume() {
        JsonNode db = services.path("db");
        String mount = db.path("volumes").get(0).asText();
        assertThat(mount).endsWith(":/var/lib/postgresql/data");
        assertThat(compose.path("volumes").has(mount.substring(0, mount.indexOf(':')))).isTrue();
    }

    @Test
    void appReachesTheDatabaseServiceWithItsOwnCredentials() {
        JsonNode env = app.path("environment");
        URI uri = URI.create(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText().substring("jdbc:".length()));
        JsonNode db = services.path(uri.getHost());
        assertThat(db.isMissingNode()).as("service %s", uri.getHost()).isFalse();
        assertThat(uri.getPath()).isEqualTo("/" + db.path("environment").path("POSTGRES_DB").asText());
        assertThat(env.path("QUARKUS_DATASOURCE_USERNAME").asText())
                .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
        assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText())
                .isEqualTo(db.path("environment").path("POSTGRES_PASSWORD").asText());
    }

    @Test
    void publishesThePortTheImageListensOn() {
        int port = Containerfile.load().exposedPort();
        assertThat(app.path("environment").path("QUARKUS_HTTP_PORT").asText()).isEqualTo(String.valueOf(port));
        assertThat(app.path("ports").get(0).asText()).endsWith(":" + port);
    }

    @Test
    void buildsDeployContainerfileFromThePackagedApp() throws IOException {
        Path context = DeployFiles.DEPLOY.resolve(app.path("build").path("context").asText()).normalize();
        assertThat(context).isEqualTo(DeployFiles.DEPLOY.resolveSibling("app").resolve("target/quarkus-app"));
        Path dockerfile = context.resolve(app.path("build").path("dockerfile").asText()).normalize();
        assertThat(Files.isSameFile(dockerfile, DeployFiles.DEPLOY.resolve("Containerfile"))).isTrue();
        assertThat(defaultOf(app.path("image").asText())).endsWith(":" + System.getProperty("parallax.version"));
    }

    @Test
    void stopWaitsForTheAppsGracefulShutdown() {
        Duration grace = Duration.parse("PT" + app.path("stop_grace_period").asText().toUpperCase());
        assertThat(grace.toSeconds()).isGreaterThan(AppProperties.load().shutdownSeconds());
    }

    private static String defaultOf(String value) {
        Matcher m = VARIABLE.matcher(value);
        assertThat(m.matches()).as("%s is ${NAME:-default}", value).isTrue();
        return m.group(2);
    }
}
