package org.parallax.app.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.alignment.LinkKind;
import org.parallax.core.alignment.PassageLink;
import org.parallax.core.alignment.UniquePassage;
import org.parallax.core.article.Article;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleService;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.core.story.StoryAssignmentWorker;
import org.parallax.core.story.StoryEvent;

/**
 * Story assignment and alignment through the real storing path and PostgreSQL: each stored article is
 * grouped once its transaction commits, and only the pairs it forms are aligned.
 */
@QuarkusTest
class StoryServiceTests {

    private static final String QUOTE = "We will rebuild the Larkfield bridge before the first snow falls on the valley";

    @Inject
    ArticleService articles;

    @Inject
    StoryAssignmentWorker grouping;

    private long store(String name, String headline, Instant publishedAt, String... paragraphs) {
        List<ArticleDraft.Block> blocks = java.util.Arrays.stream(paragraphs)
                .map(text -> new ArticleDraft.Block(ParagraphKind.PARAGRAPH, text)).toList();
        ArticleDraft draft = new ArticleDraft(name, null, null, null, headline, false, null, null, publishedAt, "en",
                blocks, 0.9, List.of());
        RawDocument raw = new RawDocument(String.join("\n", paragraphs).getBytes(StandardCharsets.UTF_8),
                "text/plain", "UTF-8", name);
        return articles.store(raw, draft).articleId();
    }

    /** Grouping runs behind storing; finish it first so the assertion sees the article's story. */
    private long storyOf(long articleId) {
        grouping.drain();
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).story.id);
    }

    @Test
    void articlesJoinIncrementallyAndOnlyNewPairsAreAligned() {
        Instant day = Instant.parse("2021-03-02T09:00:00Z");
        long first = store("test:larkfield-1", "Larkfield bridge collapses after flood, mayor vows quick rebuild", day,
                "The Larkfield river bridge collapsed on Monday night after three days of flooding in the valley.",
                "“" + QUOTE + ",” Mayor Tessa Quigley told reporters on the river bank on Tuesday.",
                "Engineers from the county said the pillars had been scoured by the floodwater for weeks.");
        long second = store("test:larkfield-2", "Mayor Quigley promises new Larkfield bridge", day.plusSeconds(7200),
                "Mayor Tessa Quigley promised on Tuesday that the collapsed Larkfield bridge would be rebuilt quickly.",
                "“" + QUOTE + ",” Quigley said, standing by the broken pillars of the Larkfield bridge.",
                "A local baker said the detour through Harrow Hill adds forty minutes to his deliveries.");
        long story = storyOf(first);
        assertThat(storyOf(second)).isEqualTo(story);

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(StoryEvent.history(story)).extracting(event -> event.kind).containsExactly("founded", "joined");
            List<PassageLink> links = PassageLink.ofStory(story);
            assertThat(links).anySatisfy(link -> {
                assertThat(link.kind).isEqualTo(LinkKind.VERBATIM.dbValue());
                assertThat(Article.<Article>findById(link.articleA).body.substring(link.aStart, link.aEnd))
                        .isEqualTo(QUOTE);
            });
            assertThat(UniquePassage.ofStory(story)).anySatisfy(passage ->
                    assertThat(Article.<Article>findById(passage.articleId).body.substring(passage.start, passage.end))
                            .contains("forty minutes"));
        });

        long unrelated = store("test:harbour", "Harbour fish market reopens", day,
                "The harbour fish market in Port Ellery reopened on Wednesday after renovation of its cold stores.");
        assertThat(storyOf(unrelated)).isNotEqualTo(story);
        long pairs = QuarkusTransaction.requiringNew().call(() -> ((Number) Article.getEntityManager()
                .createNativeQuery("select count(*) from aligned_pair where article_a in (?1, ?2) or article_b in (?1, ?2)")
                .setParameter(1, first).setParameter(2, second).getSingleResult()).longValue());
        assertThat(pairs).as("the bridge pair was aligned once; the market article formed no pair with it")
                .isEqualTo(1);
    }
}
