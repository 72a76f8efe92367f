package org.parallax.app.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parallax.app.support.StoryMembership.storyOf;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.parallax.app.cli.GroupCommand;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.core.story.Assignment;
import org.parallax.core.story.StoryAlignmentQueue;
import org.parallax.core.story.StoryAlignmentWorker;
import org.parallax.core.story.StoryAssignmentWorker;
import org.parallax.core.story.StoryService;

/**
 * Grouping and alignment are separate steps: grouping an article marks the stories it changed, durably, and
 * their alignment follows in transactions of its own, possibly on other threads. A story's alignment and a
 * change to its membership never overlap.
 */
@QuarkusTest
class StoryAlignmentQueueTests {

    /** The first key of StoryLocks' advisory locks. */
    private static final int STORY_LOCK = 0x53544f52;

    @Inject
    ArticleService articles;

    @Inject
    StoryService stories;

    @Inject
    StoryAssignmentWorker grouping;

    @Inject
    StoryAlignmentWorker aligning;

    @Inject
    StoryAlignmentQueue alignments;

    @Inject
    GroupCommand groupCommand;

    @Inject
    AgroalDataSource dataSource;

    /** Two reports of one (invented) event, sharing a quotation word for word. */
    private record Event(long first, long second, String quote) {
    }

    /**
     * Stores the two reports of an event; the caller has paused grouping, so that nothing groups them behind
     * it. The reports share one quotation word for word and little else; each test has an event of its own,
     * worded unlike the others, so that it makes a story of its own.
     */
    private Event storeEvent(String quote, String first, String second) {
        String nonce = Long.toString(System.nanoTime() % 1_000_000_000L);
        String quoted = quote + " " + nonce;
        long a = store("https://west-coast-courier.example/" + nonce, "West Coast Courier",
                first.replace("QUOTE", "\"" + quoted + ",\"").replace("NONCE", nonce));
        long b = store("https://highland-herald.example/" + nonce, "Highland Herald",
                second.replace("QUOTE", "\"" + quoted + ",\"").replace("NONCE", nonce));
        return new Event(a, b, quoted);
    }

    private Event bridgeEvent() {
        return storeEvent("Lorries must keep off the Lochaline bridge until every corroded cable is replaced",
                "Inspectors closed the Lochaline bridge NONCE to heavy traffic on Monday.\n\nQUOTE the roads "
                        + "manager Ailsa Munro said.\n\nHauliers face a detour of ninety miles through Fort William.",
                "Morvern hauliers are angry about the Lochaline closure NONCE.\n\nQUOTE said Ailsa Munro, who "
                        + "runs the roads department.\n\nThe ferry operator promised extra sailings.");
    }

    private Event distilleryEvent() {
        return storeEvent("Whisky production in Tobermory stops while the cracked copper still is rebuilt",
                "A cracked still has halted the Tobermory distillery NONCE.\n\nQUOTE the distillery manager "
                        + "Iain Rankin told staff.\n\nThe visitor centre stays open for tastings.",
                "Mull's oldest whisky maker NONCE has stopped distilling.\n\nQUOTE said Iain Rankin in a "
                        + "statement.\n\nCoppersmiths from Speyside arrive next week.");
    }

    private Event poolEvent() {
        return storeEvent("Swimmers in Portree will wait for spring before the leaking pool reopens",
                "The Portree swimming pool NONCE is leaking again.\n\nQUOTE the leisure trust's Morag Beaton "
                        + "warned.\n\nSchool swimming lessons move to Broadford.",
                "Skye families lose their only pool NONCE for the winter.\n\nQUOTE Morag Beaton of the "
                        + "leisure trust said.\n\nA petition for a new building has two thousand names.");
    }

    private long store(String url, String outlet, String text) {
        String[] paragraphs = text.split("\n\n");
        ArticleDraft draft = new ArticleDraft(url, url, outlet, url.replaceAll("https://([^/]+)/.*", "$1"),
                "Bridge closed " + url.hashCode(), false, null, null, Instant.parse("2023-03-06T09:00:00Z"), "en",
                Arrays.stream(paragraphs).map(p -> new ArticleDraft.Block(ParagraphKind.PARAGRAPH, p)).toList(),
                0.9, List.of());
        return articles.store(new RawDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain", "UTF-8", url), draft)
                .articleId();
    }

    @Test
    void groupingMarksTheStoryAndItsAlignmentFollowsInItsOwnTransaction() {
        grouping.pause();
        aligning.pause();
        long story;
        Event event = bridgeEvent();
        try {
            stories.group(event.first());
            Optional<Assignment> second = stories.group(event.second());
            assertThat(second).isPresent();
            story = second.get().storyId();
            assertThat(storyOf(event.first())).as("both reports in one story").isEqualTo(story);

            assertThat(links(story)).as("grouping alone aligns nothing").isZero();
            assertThat(marks(story)).as("the story is marked with the article it gained")
                    .contains(0L, event.second());
            assertThat(alignments.pending()).isPositive();
        } finally {
            aligning.resume();
            grouping.resume();
        }

        aligning.drain();

        assertThat(marks(story)).isEmpty();
        assertThat(linkedTexts(story)).anySatisfy(text -> assertThat(text).contains(event.quote()));
        assertThat(uniqueCount(story)).as("each report's other sentences are its own").isPositive();
    }

    @Test
    void aStoryBeingAlignedElsewhereIsPassedOverAndItsMembershipWaitsForIt() throws Exception {
        grouping.pause();
        aligning.pause();
        Event event = distilleryEvent();
        try {
            long story = stories.group(event.first()).orElseThrow().storyId();
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                holdStoryLock(other, story);

                // Another thread or replica is aligning the story: a worker takes the rest of the queue.
                while (alignments.alignNext(false).isPresent()) {
                    assertThat(marks(story)).isNotEmpty();
                }
                assertThat(marks(story)).as("passed over, still marked").isNotEmpty();

                // A new member of that story has to wait until the alignment in progress ends.
                CompletableFuture<Optional<Assignment>> joining =
                        CompletableFuture.supplyAsync(() -> stories.group(event.second()));
                assertThat(waitFor(joining, 1)).as("grouping into a story being aligned waits").isNull();
                other.rollback();
                Optional<Assignment> joined = waitFor(joining, 60);
                assertThat(joined).isPresent();
                assertThat(joined.get().storyId()).isEqualTo(story);
            }
            while (alignments.alignNext(false).isPresent()) {
                // the story, now free, and anything else marked
            }
            assertThat(marks(story)).isEmpty();
            assertThat(linkedTexts(story)).anySatisfy(text -> assertThat(text).contains(event.quote()));
        } finally {
            aligning.resume();
            grouping.resume();
        }
    }

    @Test
    void theGroupCommandAlignsEveryStoryItChanges() throws Exception {
        grouping.pause();
        try {
            Event event = poolEvent();

            assertThat(groupCommand.call()).isZero();

            Long story = storyOf(event.first());
            assertThat(story).isNotNull().isEqualTo(storyOf(event.second()));
            assertThat(marks(story)).isEmpty();
            assertThat(linkedTexts(story)).anySatisfy(text -> assertThat(text).contains(event.quote()));
        } finally {
            grouping.resume();
        }
    }

    private static void holdStoryLock(Connection connection, long story) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, STORY_LOCK);
            lock.setInt(2, (int) (story % Integer.MAX_VALUE));
            lock.execute();
        }
    }

    /** The future's value, or null if it has not completed within the time given. */
    private static <T> T waitFor(CompletableFuture<T> future, long seconds) throws Exception {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> marks(long story) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) Article.getEntityManager()
                .createNativeQuery("select article_id from story_alignment_queue where story_id = ?1 order by article_id")
                .setParameter(1, story).getResultList()).stream().map(Number::longValue).toList());
    }

    private static long links(long story) {
        return count("select count(*) from passage_link where story_id = ?1", story);
    }

    private static long uniqueCount(long story) {
        return count("select count(*) from unique_passage where story_id = ?1", story);
    }

    private static long count(String sql, long story) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Article.getEntityManager()
                .createNativeQuery(sql).setParameter(1, story).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> linkedTexts(long story) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) Article.getEntityManager().createNativeQuery("""
                        select substr(a.body, l.a_start + 1, l.a_end - l.a_start) from passage_link l
                        join article a on a.id = l.article_a where l.story_id = ?1""")
                .setParameter(1, story).getResultList());
    }
}
