package org.parallax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What each command starts: only {@code serve} may take the HTTP port and load the seeds. */
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
    void serveKeepsItsConfiguration() {
        assertTrue(ParallaxMain.commandProperties("serve").isEmpty());
    }
}
