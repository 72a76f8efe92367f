package org.parallax.app.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * Every search of {@link SearchApiTests} again, with its candidates found by walking the articles newest
 * first instead of through the RUM index, as searches for common words are ({@code parallax.search.walk-share}
 * 0: every search for words alone walks). Same answers expected: phrases, exclusions, stop words, facets,
 * snippets and paging.
 */
@QuarkusTest
@TestProfile(SearchApiWalkingTests.AlwaysWalk.class)
class SearchApiWalkingTests extends SearchApiTests {

    public static class AlwaysWalk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parallax.search.walk-share", "0");
        }
    }
}
