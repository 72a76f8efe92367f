package org.parallax.app.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parallax.app.support.StoryMembership.storyOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.core.article.StoreResult;
import org.parallax.core.story.StoryAssignmentWorker;

/**
 * Grouping runs behind storing: a stored article is queued in its own transaction, and stays queued (durably,
 * in PostgreSQL) until it is in a story, whether or not anything is grouping at the time.
 */
@QuarkusTest
class StoryAssignmentQueueTests {

    @Inject
    ArticleService articles;

    @Inject
    StoryAssignmentWorker grouping;

    private StoreResult store(String name, String text) {
        ArticleDraft draft = new ArticleDraft(name, null, null, null, "Queue test " + name, false, null, null,
                Instant.parse("2022-05-04T10:00:00Z"), "en", List.of(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text)),
                0.9, List.of());
        return articles.store(new RawDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain", "UTF-8", name), draft);
    }

    private static boolean queued(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Article.getEntityManager()
                .createNativeQuery("select count(*) from story_assignment_queue where article_id = ?1")
                .setParameter(1, articleId).getSingleResult()).longValue() > 0);
    }

    @Test
    void storedArticlesWaitInTheQueueUntilGroupedAndStoringAgainQueuesNothing() {
        // The test database outlives runs: a fresh ferry keeps the bodies new.
        String ferry = "MV Islander " + System.nanoTime() % 1_000_000;
        String first = "The night ferry " + ferry + " from Oban to Barra was cancelled on Thursday after a gearbox "
                + "failure, the operator said, stranding two hundred passengers.";
        grouping.pause();
        List<Long> ids = new ArrayList<>();
        try {
            ids.add(store("test:queue-ferry-1", first).articleId());
            ids.add(store("test:queue-ferry-2", "Two hundred passengers were stranded in Oban on Thursday when the "
                    + "night ferry " + ferry + " to Barra was cancelled because of a gearbox failure.").articleId());

            for (long id : ids) {
                assertThat(queued(id)).as("queued with its article").isTrue();
                assertThat(storyOf(id)).as("not grouped while grouping is paused").isNull();
            }
            assertThat(grouping.pending()).isGreaterThanOrEqualTo(2);

            assertThat(grouping.drain()).isGreaterThanOrEqualTo(2);
        } finally {
            grouping.resume();
        }
        for (long id : ids) {
            assertThat(queued(id)).isFalse();
            assertThat(storyOf(id)).isNotNull();
        }
        assertThat(grouping.pending()).isZero();

        StoreResult again = store("test:queue-ferry-1", first);
        assertThat(again.status()).isEqualTo(StoreResult.Status.UNCHANGED);
        assertThat(queued(again.articleId())).isFalse();
        assertThat(grouping.drain()).isZero();
    }
}
