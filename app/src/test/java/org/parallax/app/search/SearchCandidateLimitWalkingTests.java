package org.parallax.app.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * {@link SearchCandidateLimitTests} with the candidates found by walking the articles newest first (as for
 * common words): still the two newest matches, an estimated total, and facets over those two.
 */
@QuarkusTest
@TestProfile(SearchCandidateLimitWalkingTests.TwoCandidatesWalking.class)
class SearchCandidateLimitWalkingTests extends SearchCandidateLimitTests {

    public static class TwoCandidatesWalking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parallax.search.candidates", "2", "parallax.search.walk-share", "0");
        }
    }
}
