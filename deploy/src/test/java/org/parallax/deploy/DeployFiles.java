package org.parallax.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files under deploy/, found from the module directory Maven runs the tests in. */
final class DeployFiles {

    static final Path DEPLOY = locate();
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");

    private DeployFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw StrictYaml.unreadable(DEPLOY.relativize(file).toString(), e);
        }
    }

    private static Path locate() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {here, here.resolve("deploy")}) {
            if (Files.isRegularFile(candidate.resolve("Containerfile"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/Containerfile not found from " + here);
    }
}
