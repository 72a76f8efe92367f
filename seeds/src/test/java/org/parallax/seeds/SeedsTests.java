package org.parallax.seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SeedsTests {

    @Test
    void shipsTheFiveSeedsInOrder() {
        assertEquals(5, Seeds.all().size());
        assertEquals("000_ed82de3322cf4176.txt", Seeds.names().get(0));
        assertEquals("004_c8d6d7f66c761050.txt", Seeds.names().get(4));
    }

    @Test
    void seedsAreByteForByteTheSharedOriginals() throws Exception {
        Path shared = Path.of("..", "..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(shared), "shared/seeds not beside the checkout");
        for (Seeds.Seed seed : Seeds.all()) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(seed.name())), seed.content(), seed.name());
        }
    }

    @Test
    void unknownSeedIsAClearError() {
        var error = assertThrows(IllegalArgumentException.class, () -> Seeds.byName("nope.txt"));
        assertEquals(true, error.getMessage().contains("no seed named nope.txt"));
    }
}
