package org.parallax.app.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.annotation.AnnotationData;
import org.parallax.core.annotation.AnnotationService;
import org.parallax.core.annotation.TextQuote;
import org.parallax.core.article.Article;
import org.parallax.core.user.Accounts;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.pipeline.IngestPipeline;
import org.parallax.ingest.pipeline.IngestSummary;

/**
 * Acceptance 3 of the annotations issue: a changed version of an article, re-ingested from the same address,
 * updates the article in place; annotations on unchanged text stay on it (at its new offsets), the one whose
 * text was deleted is orphaned, and the replaced text is kept.
 */
@QuarkusTest
class ArticleRevisionTests {

    @Inject
    IngestPipeline pipeline;

    @Inject
    AnnotationService annotations;

    @Inject
    Accounts accounts;

    @Test
    void reingestingAChangedVersionKeepsAnnotationsOnUnchangedTextAndOrphansTheDeletedOne(@TempDir Path temp) throws Exception {
        String nonce = UUID.randomUUID().toString();
        String opening = "The committee met on Tuesday to discuss the budget proposal " + nonce + " for the coming year.";
        String deleted = "Senator Alvarez said the plan would cut funding for rural hospitals by a third, a cut she called unacceptable.";
        String reply = "The finance minister replied that no hospital would close and that savings would come from administration.";
        String closing = "A final vote is expected next month after further hearings in both chambers of parliament.";
        String added = "This story has been updated with the opposition leader's demand for a recount of the committee vote.";
        String url = "https://www.reuters.com/world/budget-" + nonce;
        Path first = Files.writeString(temp.resolve("v1.jsonl"), line("Budget row " + nonce, url,
                String.join("\n\n", opening, deleted, reply, closing)));
        Path second = Files.writeString(temp.resolve("v2.jsonl"), line("Budget row deepens " + nonce, url,
                String.join("\n\n", added, opening, reply, closing)));

        IngestSummary v1 = pipeline.ingest("revision v1", List.of(Input.ofFile(first)));
        assertThat(v1.created()).isEqualTo(1);
        long articleId = articleAt(url);
        String bodyBefore = body(articleId);
        long user = accounts.register("rev" + nonce.substring(0, 8), "plum orchard lantern seventy").id;
        AnnotationData onOpening = annotate(user, articleId, bodyBefore, "discuss the budget proposal " + nonce);
        AnnotationData onDeleted = annotate(user, articleId, bodyBefore, "cut funding for rural hospitals by a third");
        AnnotationData onClosing = annotate(user, articleId, bodyBefore, "expected next month after further hearings");
        long articlesBefore = articleCount();

        IngestSummary v2 = pipeline.ingest("revision v2", List.of(Input.ofFile(second)));

        assertThat(v2.created()).isZero();
        assertThat(articleCount()).isEqualTo(articlesBefore);
        assertThat(articleAt(url)).isEqualTo(articleId);
        String bodyAfter = body(articleId);
        assertThat(bodyAfter).startsWith(added).doesNotContain(deleted);
        assertThat(headline(articleId)).isEqualTo("Budget row deepens " + nonce);
        assertThat(revisionBodies(articleId)).containsExactly(bodyBefore);

        for (AnnotationData kept : List.of(onOpening, onClosing)) {
            AnnotationData now = annotations.find(user, kept.id()).orElseThrow();
            assertThat(now.anchorState()).isEqualTo("anchored");
            TextQuote q = now.quote();
            assertThat(q.exact()).isEqualTo(kept.quote().exact());
            assertThat(q.start()).isEqualTo(bodyAfter.indexOf(kept.quote().exact())).isNotEqualTo(kept.quote().start());
            assertThat(bodyAfter.substring(q.start(), q.end())).isEqualTo(kept.quote().exact());
        }
        AnnotationData orphan = annotations.find(user, onDeleted.id()).orElseThrow();
        assertThat(orphan.anchorState()).isEqualTo("orphaned");
        assertThat(orphan.quote().exact()).isEqualTo("cut funding for rural hospitals by a third");
        assertThat(orphan.anchorNote()).contains("revised");

        // The old version read again is recognised: the newer text stays and nothing is added.
        IngestSummary again = pipeline.ingest("revision v1 again", List.of(Input.ofFile(first)));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(body(articleId)).isEqualTo(bodyAfter);
        assertThat(revisionBodies(articleId)).containsExactly(bodyBefore);
    }

    private AnnotationData annotate(long user, long articleId, String body, String exact) {
        int start = body.indexOf(exact);
        return annotations.create(user, articleId, new AnnotationService.Draft(TextQuote.of(body, start, start + exact.length()),
                "note on " + exact, List.of("revision"), "private"));
    }

    private static String line(String title, String url, String body) {
        return "{\"title\":\"" + title + "\",\"url\":\"" + url + "\",\"body\":\"" + body.replace("\n", "\\n") + "\"}\n";
    }

    @Transactional
    long articleAt(String url) {
        List<Article> found = Article.list("url", url);
        assertThat(found).hasSize(1);
        return found.get(0).id;
    }

    @Transactional
    String body(long id) {
        return Article.<Article>findById(id).body;
    }

    @Transactional
    String headline(long id) {
        return Article.<Article>findById(id).headline;
    }

    @Transactional
    long articleCount() {
        return Article.count();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<String> revisionBodies(long id) {
        return Article.getEntityManager()
                .createNativeQuery("select body from article_revision where article_id = ?1 order by revision")
                .setParameter(1, id).getResultList();
    }
}
