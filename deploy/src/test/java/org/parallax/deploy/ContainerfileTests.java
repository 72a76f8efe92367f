package org.parallax.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerfileTests {

    private final Containerfile file = Containerfile.load();

    @Test
    void baseImageIsABuildArgumentDefaultingToAJre17() {
        assertThat(file.instructions().get(0)).startsWith("ARG BASE_IMAGE=");
        assertThat(file.argDefault("BASE_IMAGE")).contains("17-jre");
        assertThat(file.all("FROM")).containsExactly("FROM ${BASE_IMAGE}");
    }

    @Test
    void copiesTheQuarkusFastJarLayout() {
        assertThat(file.all("COPY")).extracting(c -> c.split("\\s+")[2])
                .containsExactly("lib/", "quarkus/", "app/", "quarkus-run.jar");
        assertThat(file.all("ENTRYPOINT").get(0)).contains("-jar /deployments/quarkus-run.jar");
        assertThat(file.all("CMD")).containsExactly("CMD [\"serve\"]");
    }

    @Test
    void runsAsANonRootUserAndChecksLiveness() {
        List<String> users = file.all("USER");
        assertThat(users).hasSize(1);
        assertThat(Integer.parseInt(users.get(0).substring("USER ".length()))).isPositive();
        assertThat(file.all("HEALTHCHECK")).singleElement().asString().contains("/q/health/live");
    }

    @Test
    void labelsCarryVersionSourceAndLicence() {
        String labels = String.join(" ", file.all("LABEL"));
        assertThat(labels).contains("org.opencontainers.image.version=\"${VERSION}\"",
                "org.opencontainers.image.source=", "org.opencontainers.image.licenses=");
        assertThat(file.argDefault("VERSION")).isEqualTo(System.getProperty("parallax.version"));
    }

    @Test
    void parserJoinsContinuationLinesAndSkipsComments() {
        Containerfile parsed = Containerfile.parse("# c\nARG A=1\nLABEL a=\"1\" \\\n      b=\"2\"\n\nEXPOSE 9000\n");
        assertThat(parsed.instructions()).containsExactly("ARG A=1", "LABEL a=\"1\" b=\"2\"", "EXPOSE 9000");
        assertThat(parsed.exposedPort()).isEqualTo(9000);
    }
}
