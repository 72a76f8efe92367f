package org.parallax.app.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link TestDatabase} once for every {@code @QuarkusTest} in the module (a test resource on any
 * class applies to all of them unless restricted).
 */
@QuarkusTestResource(TestDatabase.class)
public final class UsesTestDatabase {
    private UsesTestDatabase() {
    }
}
