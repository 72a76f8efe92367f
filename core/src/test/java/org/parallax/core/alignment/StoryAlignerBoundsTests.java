package org.parallax.core.alignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parallax.core.SeedTexts;

/**
 * Alignment inside a big story is bounded: a newcomer is aligned with at most {@link StoryAligner#MAX_PARTNERS}
 * members, and a copy with one representative. A story of 70 near-identical wire copies used to align every
 * pair (2,415 pairs, over 100,000 links) and ran past the transaction timeout.
 */
class StoryAlignerBoundsTests {

    private final StoryAligner aligner = StoryAligner.standard();

    /** Arrivals one at a time, as the application aligns them: only the newcomer's pairs are new. */
    private static final class Story {
        final List<AlignableArticle> members = new ArrayList<>();
        final Set<String> aligned = new HashSet<>();
        final List<PassageMatch> links = new ArrayList<>();
    }

    private StoryAligner.Increment arrive(Story story, AlignableArticle article) {
        story.members.add(article);
        StoryAligner.Increment increment = aligner.alignNewcomers(story.members, List.of(article.id()), story.aligned);
        increment.aligned().forEach(pair -> story.aligned.add(pair[0] + ":" + pair[1]));
        story.links.addAll(increment.links());
        return increment;
    }

    @Test
    void aCopyIsAlignedWithOneRepresentativeAndKeepsItsLinks() {
        String body = SeedTexts.body("001");
        Story story = new Story();
        arrive(story, AlignableArticle.of(1, body));
        for (long id = 2; id <= 70; id++) {
            // Wire repeats: the same text with a changed last line.
            StoryAligner.Increment increment = arrive(story, AlignableArticle.of(id,
                    body + "\n\nRepeated for subscribers who did not receive it, item " + id + " of the day."));
            assertThat(increment.aligned()).as("pairs aligned for copy %d", id).hasSize(1);
        }
        assertThat(story.aligned).hasSize(69);
        // Every copy's shared sentences are linked (to its representative): a copy has the unique passages it
        // has in a story of two, the original and itself (its own last line aside, which resembles the others').
        List<AlignableArticle> pair = story.members.subList(0, 2);
        Set<String> expected = texts(pair, aligner.unique(pair, aligner.alignPairs(pair, List.of(new long[] {1, 2}))), 2);
        List<Passage> unique = aligner.unique(story.members, story.links);
        for (long id = 2; id <= 70; id++) {
            assertThat(texts(story.members, unique, id)).as("unique passages of copy %d", id).isEqualTo(expected);
        }
    }

    private static Set<String> texts(List<AlignableArticle> members, List<Passage> passages, long article) {
        Set<String> texts = new HashSet<>();
        for (Passage passage : passages) {
            if (passage.article() == article && !members.get((int) article - 1).text(passage.start(), passage.end())
                    .startsWith("Repeated")) {
                texts.add(members.get((int) article - 1).text(passage.start(), passage.end()));
            }
        }
        return texts;
    }

    @Test
    void aNewcomerIsAlignedWithAtMostEightMembers() {
        Story story = new Story();
        List<String> seeds = List.of("000", "001", "002", "003", "004");
        for (long id = 1; id <= 12; id++) {
            // Distinct texts (no copies): each is a seed with another seed's opening.
            String text = SeedTexts.body(seeds.get((int) (id % 5))) + "\n\n"
                    + SeedTexts.body(seeds.get((int) ((id / 5 + id) % 5))).lines().findFirst().orElseThrow();
            StoryAligner.Increment increment = arrive(story, AlignableArticle.of(id, text));
            assertThat(increment.aligned()).hasSizeLessThanOrEqualTo(StoryAligner.MAX_PARTNERS)
                    .hasSizeLessThanOrEqualTo((int) id - 1);
        }
    }

    @Test
    void theSeedStoryArrivingOneByOneGetsTheLinksOfAlignningItAtOnce() {
        Story story = new Story();
        List<AlignableArticle> all = new ArrayList<>();
        for (String seed : List.of("000", "001", "003", "004")) {
            AlignableArticle article = AlignableArticle.of(Long.parseLong(seed), SeedTexts.body(seed));
            all.add(article);
            arrive(story, article);
        }
        // Four articles, six pairs: far below the bound, so every pair is aligned.
        assertThat(story.aligned).hasSize(6);
        assertThat(aligner.align(all).links()).hasSameSizeAs(aligner.alignPairs(all, List.of(
                new long[] {0, 1}, new long[] {0, 3}, new long[] {0, 4}, new long[] {1, 3}, new long[] {1, 4},
                new long[] {3, 4})));
    }
}
