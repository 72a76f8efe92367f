package org.parallax.app.cli;

import picocli.CommandLine.Command;

@Command(name = "parallax", mixinStandardHelpOptions = true, version = "Parallax 0.1.0",
        description = "Read one news story through many outlets at once.",
        subcommands = {ServeCommand.class, IngestCommand.class, ExtractCommand.class, CreateAdminCommand.class,
                GroupCommand.class})
public class ParallaxCommand implements Runnable {

    @Override
    public void run() {
        // With no subcommand main() has already chosen `serve`; reaching here means plain `parallax`.
    }
}
