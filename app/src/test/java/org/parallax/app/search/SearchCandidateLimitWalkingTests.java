package org.parallax.app.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SearchCandidateLimitTests} with the candidates found by walking the articles newest first (as for
 * common words): still the two newest matches, an estimated total, and facets over those two.
 */
@QuarkusTest
@TestProfile(SearchCandidateLimitWalkingTests.TwoCandidatesWalking.class)
class SearchCandidateLimitWalkingTests extends SearchCandidateLimitTests {

    /** The parent's profile, whatever its candidate limit, with every search walking. */
    public static class TwoCandidatesWalking extends SearchCandidateLimitTests.TwoCandidates {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("parallax.search.walk-share", "0");
            return overrides;
        }
    }
}
