package org.parallax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What each command starts (only {@code serve} may take the HTTP port and load the seeds), and its help. */
class ParallaxMainTests {

    @Test
    void commandsBesideAServerOpenNoPortAndLoadNoSeeds() {
        for (String command : new String[] {"ingest", "group", "create-admin", "extract"}) {
            var properties = ParallaxMain.commandProperties(command);
            assertEquals("false", properties.get("quarkus.http.host-enabled"), command + " must not open the HTTP port");
            assertEquals("false", properties.get("parallax.seeds.load-on-start"), command + " must not load seeds");
            assertEquals("0S", properties.get("quarkus.shutdown.delay"), command + " must stop at once on SIGTERM");
        }
    }

    @Test
    void everyCommandShowsItsHelpWithoutStartingTheApplication() {
        for (String command : ParallaxMain.helpCommandLine().getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            CommandLine cli = ParallaxMain.helpCommandLine();
            cli.setOut(new PrintWriter(out));
            assertEquals(0, cli.execute(command, "--help"), command + " --help");
            assertTrue(out.toString().startsWith("Usage: parallax " + command), command + ": " + out);
        }
    }

    @Test
    void theLauncherScriptAcceptsAndListsEveryCommand() throws Exception {
        // README documents the commands as ./parallax COMMAND; the launcher names those it passes to the jar.
        String launcher = Files.readString(Path.of("..", "parallax"));
        String accepted = launcher.lines().map(String::trim).filter(line -> line.startsWith("serve|"))
                .findFirst().orElseThrow();
        Set<String> passed = Set.of(accepted.substring(0, accepted.indexOf(')')).split("\\|"));
        for (String command : ParallaxMain.helpCommandLine().getSubcommands().keySet()) {
            assertTrue(passed.contains(command), "./parallax does not pass on " + command + ": " + accepted);
            assertTrue(launcher.lines().anyMatch(line -> line.startsWith("  " + command + " ")),
                    "./parallax help does not list " + command);
        }
    }

    @Test
    void serveKeepsItsConfiguration() {
        assertTrue(ParallaxMain.commandProperties("serve").isEmpty());
    }
}
