package org.parallax.app.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reader on http://localhost:8080 (QUARKUS_HTTP_PORT to change).")
public class ServeCommand implements Runnable {

    @Override
    public void run() {
        Quarkus.waitForExit();
    }
}
