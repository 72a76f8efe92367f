package org.parallax.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.SeedTexts;

class StoryAssignerTests {

    private final FeatureExtractor features = FeatureExtractor.english();
    private final InMemoryStoryIndex index = new InMemoryStoryIndex();
    private final StoryAssigner assigner = new StoryAssigner(index, StorySettings.defaults());

    private Assignment seed(String number, Instant publishedAt) {
        String body = SeedTexts.body(number);
        return assigner.assign(Long.parseLong(number), publishedAt, features.extract(null, body));
    }

    @Test
    void theSeedCoverageIsOneStoryAndThe2017TalksAreRelated() {
        // Only seed 003 carries a date; the others, 004 among them, are grouped on their text alone.
        for (String number : List.of("000", "001", "002", "003", "004")) {
            seed(number, number.equals("003") ? Instant.parse("2020-09-25T15:45:00Z") : null);
        }
        long story = index.storyOf(0);
        assertThat(List.of(1L, 3L, 4L)).allSatisfy(id -> assertThat(index.storyOf(id)).isEqualTo(story));
        assertThat(index.storyOf(2)).isNotEqualTo(story);
    }

    @Test
    void theGroupingDoesNotDependOnArrivalOrder() {
        Assignment talks = null;
        for (String number : List.of("004", "003", "002", "001", "000")) {
            Assignment assignment = seed(number, null);
            if (number.equals("002")) {
                talks = assignment;
            }
        }
        long story = index.storyOf(4);
        assertThat(List.of(0L, 1L, 3L)).allSatisfy(id -> assertThat(index.storyOf(id)).isEqualTo(story));
        assertThat(index.storyOf(2)).isNotEqualTo(story);
        assertThat(talks.kind()).isEqualTo(Assignment.Kind.FOUNDED);
        assertThat(talks.related()).containsKey(story);
    }

    @Test
    void theSameTextYearsApartIsAnotherStoryShownAsRelated() {
        Instant now = Instant.parse("2020-09-25T12:00:00Z");
        seed("000", now);
        String body = SeedTexts.body("001");
        Assignment years = assigner.assign(1, now.minus(3 * 365, ChronoUnit.DAYS), features.extract(null, body));
        assertThat(years.kind()).isEqualTo(Assignment.Kind.FOUNDED);
        assertThat(years.related()).containsKey(index.storyOf(0));
        Assignment days = assigner.assign(3, now.plus(1, ChronoUnit.DAYS), features.extract(null, SeedTexts.body("003")));
        assertThat(days.kind()).isIn(Assignment.Kind.JOINED, Assignment.Kind.MERGED);
    }

    @Test
    void anArticleBridgingTwoStoriesMergesThem() {
        ArticleFeatures harvest = text("The wheat harvest in Kansas failed after the drought; farmers asked the "
                + "governor for emergency aid and the legislature met on Tuesday to vote on relief for farmers.");
        ArticleFeatures flood = text("The Missouri river flooded the Kansas farmland; the governor declared an "
                + "emergency and the national guard moved sandbags to protect the levees near Topeka.");
        assertThat(assigner.assign(1, null, harvest).kind()).isEqualTo(Assignment.Kind.FOUNDED);
        assertThat(assigner.assign(2, null, flood).kind()).isEqualTo(Assignment.Kind.FOUNDED);
        assertThat(index.storyOf(1)).isNotEqualTo(index.storyOf(2));
        ArticleFeatures both = text("Kansas farmers lost the wheat harvest to the drought and then the Missouri river "
                + "flooded the farmland; the governor declared an emergency, asked the legislature for relief and "
                + "the national guard moved sandbags to protect the levees near Topeka after the drought.");
        Assignment bridge = assigner.assign(3, null, both);
        assertThat(bridge.kind()).isEqualTo(Assignment.Kind.MERGED);
        assertThat(index.storyOf(1)).isEqualTo(index.storyOf(2)).isEqualTo(index.storyOf(3));
        assertThat(bridge.merged()).hasSize(1);
    }

    private static final String HARVEST = "The wheat harvest in Kansas failed after the drought; farmers asked the "
            + "governor for emergency aid and the legislature met on Tuesday to vote on relief for farmers.";
    private static final String FLOOD = "The Missouri river flooded the Kansas farmland; the governor declared an "
            + "emergency and the national guard moved sandbags to protect the levees near Topeka.";
    private static final String BRIDGE = "Kansas farmers lost the wheat harvest to the drought and then the Missouri "
            + "river flooded the farmland; the governor declared an emergency, asked the legislature for relief and "
            + "the national guard moved sandbags to protect the levees near Topeka after the drought.";
    private static final String BRIDGE_AND_FLOOD = BRIDGE + " The Missouri river flooded more farmland near Topeka "
            + "and the national guard moved more sandbags to the levees as the river flooded.";

    /** Harvest (1) and flood (2) bridged by 3 into one story, then article 2 moved out as an editor would. */
    private long splitOffTheFlood(boolean pinned) {
        assigner.assign(1, null, text(HARVEST));
        assigner.assign(2, null, text(FLOOD));
        assigner.assign(3, null, text(BRIDGE));
        long story = index.storyOf(1);
        assertThat(index.storyOf(2)).isEqualTo(story);
        long fresh = index.newStory();
        if (pinned) {
            assigner.splitStory(story, List.of(2L), fresh, 100, 101);
        } else {
            index.move(List.of(2L), fresh);
        }
        return fresh;
    }

    @Test
    void anArticleSplitOffByAnEditorIsNotMergedBackByLaterArrivals() {
        long flood = splitOffTheFlood(true);
        Assignment next = assigner.assign(4, null, text(BRIDGE_AND_FLOOD));
        assertThat(index.storyOf(2)).isEqualTo(flood);
        assertThat(index.storyOf(1)).isEqualTo(index.storyOf(3)).isNotEqualTo(flood);
        assertThat(next.merged()).isEmpty();
    }

    @Test
    void withoutTheEditorsPinTheSameArrivalMergesTheSplitPartsAgain() {
        // The control for the test above: the arrival does bridge the two parts when nothing pins them.
        long flood = splitOffTheFlood(false);
        assigner.assign(4, null, text(BRIDGE_AND_FLOOD));
        assertThat(index.storyOf(2)).isEqualTo(index.storyOf(1));
        assertThat(index.storyOf(2)).isNotEqualTo(flood);
    }

    @Test
    void storiesMergedByAnEditorStayTogetherWhenAnArticleJoinsOneSide() {
        assigner.assign(1, null, text(HARVEST));
        assigner.assign(2, null, text(FLOOD));
        long harvest = index.storyOf(1);
        assertThat(index.storyOf(2)).isNotEqualTo(harvest);
        assertThat(assigner.mergeStories(harvest, index.storyOf(2), 200)).containsExactly(2L);
        assertThat(index.storyOf(2)).isEqualTo(harvest);
        // Nothing links the flood to the harvest: only the editor's pin keeps it in the story.
        Assignment next = assigner.assign(5, null, text("Kansas farmers say the wheat harvest failed in the "
                + "drought and ask the governor and the legislature for emergency relief for farmers."));
        assertThat(next.storyId()).isEqualTo(harvest);
        assertThat(index.storyOf(2)).isEqualTo(harvest);
        assertThat(next.split()).isEmpty();
    }

    @Test
    void withoutThePinAnArrivalUndoesAMergeThatNoLinkSupports() {
        assigner.assign(1, null, text(HARVEST));
        assigner.assign(2, null, text(FLOOD));
        long harvest = index.storyOf(1);
        index.move(List.of(2L), harvest);
        assigner.assign(5, null, text("Kansas farmers say the wheat harvest failed in the "
                + "drought and ask the governor and the legislature for emergency relief for farmers."));
        assertThat(index.storyOf(2)).isNotEqualTo(index.storyOf(1));
    }

    /** Removes an article as an editor's removal does, then regroups its story; the parts moved out. */
    private List<StoryAssigner.Detached> remove(long articleId) {
        long story = index.storyOf(articleId);
        List<Long> linkedToIt = index.members(story).stream()
                .filter(member -> Long.valueOf(articleId).equals(member.linkedTo()))
                .map(StoryIndex.IndexedArticle::articleId).toList();
        index.remove(articleId);
        return assigner.afterRemoval(story, linkedToIt);
    }

    @Test
    void removingTheArticleThatBridgedTwoStoriesSplitsThemAgain() {
        assigner.assign(1, null, text(HARVEST));
        assigner.assign(2, null, text(FLOOD));
        assigner.assign(3, null, text(BRIDGE));
        long story = index.storyOf(1);
        assertThat(index.storyOf(2)).isEqualTo(story);

        List<StoryAssigner.Detached> parts = remove(3);

        assertThat(parts).hasSize(1);
        assertThat(index.storyOf(1)).isEqualTo(story);
        assertThat(index.storyOf(2)).isEqualTo(parts.get(0).storyId()).isNotEqualTo(story);
        assertThat(parts.get(0).articles()).containsExactly(2L);
        // Both are about Kansas, its governor and an emergency: close enough to be listed as related.
        assertThat(parts.get(0).closeness()).isGreaterThan(StorySettings.defaults().related());
    }

    @Test
    void removingAnArticleTheOthersWereLinkedToKeepsAStoryWholeWhileTheyStillResembleEachOther() {
        for (String number : List.of("000", "001", "003", "004")) {
            seed(number, null);
        }
        long story = index.storyOf(0);
        List<StoryIndex.IndexedArticle> members = index.members(story);
        assertThat(members).hasSize(4);
        // The article most others are linked to: without relinking, removing it would scatter them.
        long hub = members.stream().map(StoryIndex.IndexedArticle::linkedTo).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(id -> id, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        assertThat(remove(hub)).isEmpty();

        List<StoryIndex.IndexedArticle> left = index.members(story);
        assertThat(left).hasSize(3);
        assertThat(left).allSatisfy(member -> assertThat(member.linkedTo()).isNotEqualTo(hub));
        assertThat(left).filteredOn(member -> member.linkedTo() != null).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void storiesMergedByAnEditorStayTogetherWhenTheArticleBetweenThemIsRemoved() {
        assigner.assign(1, null, text(HARVEST));
        assigner.assign(2, null, text(FLOOD));
        long harvest = index.storyOf(1);
        assigner.mergeStories(harvest, index.storyOf(2), 200);
        assigner.assign(3, null, text(BRIDGE));
        assertThat(index.storyOf(3)).isEqualTo(harvest);

        assertThat(remove(3)).isEmpty();

        assertThat(index.storyOf(1)).isEqualTo(harvest);
        assertThat(index.storyOf(2)).isEqualTo(harvest);
    }

    @Test
    void unrelatedArticlesFoundStoriesOfTheirOwn() {
        seed("000", null);
        Assignment other = assigner.assign(9, null, text("The central bank raised interest rates by a quarter point "
                + "on Wednesday, citing inflation in housing and energy prices."));
        assertThat(other.kind()).isEqualTo(Assignment.Kind.FOUNDED);
        assertThat(other.related()).isEmpty();
    }

    @Test
    void timeIsASoftSignal() {
        Instant day = Instant.parse("2020-01-01T00:00:00Z");
        assertThat(assigner.timeFactor(day, null)).isEqualTo(1.0);
        assertThat(assigner.timeFactor(day, day.plus(2, ChronoUnit.DAYS))).isEqualTo(1.0);
        assertThat(assigner.timeFactor(day, day.plus(10, ChronoUnit.DAYS))).isBetween(0.4, 0.6);
        assertThat(assigner.timeFactor(day, day.plus(1000, ChronoUnit.DAYS))).isLessThan(1e-6);
    }

    @Test
    void theOutletsOwnNameIsNoFeature() {
        Map<String, Integer> counts = features.extract(null, "Officials told BuzzFeed News that the talks collapsed "
                + "in July.", "BuzzFeed News").counts();
        assertThat(counts).doesNotContainKeys("w:buzzfe", "e:buzzfeed news").containsKey("w:talk");
    }

    private ArticleFeatures text(String body) {
        return features.extract(null, body);
    }
}
