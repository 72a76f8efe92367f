package org.parallax.app.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parallax.app.support.StoryMembership.storyOf;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * A revision of an article that is still waiting to be grouped. Realignment after the revision holds the
 * assignment lock and groups the article itself; it used to do so through a second transaction that waited
 * for the lock its own first transaction held, until the 60 s transaction timeout rolled both back and
 * left the article ungrouped (the minute IngestPipelineTests spent on its revision case).
 */
@QuarkusTest
class RevisionRealignmentTests {

    @Inject
    ArticleService articles;

    @Inject
    StoryAssignmentWorker grouping;

    private StoreResult store(String url, String text) {
        ArticleDraft draft = new ArticleDraft(url, url, "Harbour Gazette", "harbour-gazette.example", "Revision test",
                false, null, null, Instant.parse("2022-06-01T08:00:00Z"), "en",
                List.of(new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text)), 0.9, List.of());
        return articles.store(new RawDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain", "UTF-8", url), draft);
    }

    @Test
    void revisingAnUngroupedArticleGroupsItWithItsNewText() {
        String nonce = Long.toString(System.nanoTime() % 1_000_000_000L);
        String url = "https://harbour-gazette.example/pier-" + nonce;
        String quote = "We will rebuild the pier " + nonce + " before the summer season begins";
        StoreResult first;
        StoreResult revised;
        // Grouping paused: the article stays queued, as when a revision arrives right behind its original.
        grouping.pause();
        try {
            first = store(url, "The old pier " + nonce + " at Kilcreggan collapsed in a storm on Monday night, "
                    + "the council said, and no one was hurt.");
            assertThat(storyOf(first.articleId())).isNull();

            revised = store(url, "The old pier " + nonce + " at Kilcreggan collapsed in a storm on Monday night. "
                    + "\"" + quote + ",\" the council leader said on Tuesday.");
        } finally {
            grouping.resume();
        }

        assertThat(revised.status()).isEqualTo(StoreResult.Status.REVISED);
        assertThat(revised.articleId()).isEqualTo(first.articleId());
        // Realignment ran when the revision committed, before store returned: grouped, quotes from the new text.
        assertThat(storyOf(first.articleId())).isNotNull();
        assertThat(quotesOf(first.articleId())).singleElement().asString().contains("rebuild the pier " + nonce);
    }

    @SuppressWarnings("unchecked")
    private static List<String> quotesOf(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) Article.getEntityManager()
                .createNativeQuery("select text from quote where article_id = ?1 order by start_offset")
                .setParameter(1, articleId).getResultList());
    }
}
