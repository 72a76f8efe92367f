package org.parallax.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.text.OutletRecognizer;

class HtmlExtractorTests {

    private final HtmlExtractor extractor = new HtmlExtractor(OutletRecognizer.standard());

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = HtmlExtractorTests.class.getResourceAsStream("/html/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String text(ArticleDraft draft) {
        return draft.paragraphs().stream().map(Block::text).collect(Collectors.joining("\n\n"));
    }

    private static List<String> ofKind(ArticleDraft draft, ParagraphKind kind) {
        return draft.paragraphs().stream().filter(b -> b.kind() == kind).map(Block::text).toList();
    }

    @Test
    void readsOpenGraphAndMetaTags() throws Exception {
        HtmlArticle article = extractor.extractArticle("bridge.html", fixture("open-graph-article.html"), null, null);
        ArticleDraft draft = article.draft();

        assertThat(draft.headline()).isEqualTo("Harbour bridge reopens after two-year repair");
        assertThat(draft.headlineDerived()).isFalse();
        assertThat(draft.byline()).isEqualTo("Maria Okafor");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2021-03-14T07:30:00Z"));
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.dek()).isEqualTo("Commuters return to the crossing as engineers promise another fifty years of service.");
        assertThat(article.canonicalUrl()).isEqualTo("https://www.coastal-ledger.example/news/harbour-bridge-reopens");
        assertThat(draft.url()).isEqualTo(article.canonicalUrl());
        assertThat(draft.outlet()).as("declared site name").isEqualTo("The Coastal Ledger");
        assertThat(draft.outletDomain()).isEqualTo("coastal-ledger.example");
        assertThat(draft.warnings()).noneMatch(w -> w.startsWith("unknown outlet") || w.startsWith("no publication date"));
    }

    @Test
    void removesNavigationShareBarsRelatedLinksPromptsBiosAndFooter() throws Exception {
        ArticleDraft draft = extractor.extract("bridge.html", fixture("open-graph-article.html"), null);
        String body = text(draft);

        assertThat(ofKind(draft, ParagraphKind.PARAGRAPH).get(0))
                .startsWith("The harbour bridge reopened to traffic on Sunday morning");
        assertThat(body)
                .contains("walk across when the barriers lifted shortly after six o’clock.")
                .doesNotContain("Home", "Sport", "Share on Facebook", "Email", "Related",
                        "Council approves bridge budget", "All rights reserved", "Privacy", "Advertisement",
                        "Morning Tide newsletter", "covers transport and infrastructure");
        assertThat(body).as("the title heading is the headline, not body text")
                .doesNotContain("Harbour bridge reopens after two-year repair");
    }

    @Test
    void keepsHeadingsQuotesAndCaptionsWithTheirKinds() throws Exception {
        ArticleDraft draft = extractor.extract("bridge.html", fixture("open-graph-article.html"), null);

        assertThat(ofKind(draft, ParagraphKind.HEADING)).containsExactly("A long detour ends");
        assertThat(ofKind(draft, ParagraphKind.QUOTE))
                .containsExactly("We built it to last another fifty years, and we will be watching every one of them.");
        assertThat(ofKind(draft, ParagraphKind.CAPTION)).containsExactly("The rebuilt eastern span at dawn on Sunday.");
        assertThat(ofKind(draft, ParagraphKind.PARAGRAPH)).hasSize(5)
                .allSatisfy(p -> assertThat(p).doesNotContain("  ", "\n"));
        assertThat(text(draft)).as("typographic quotes kept").contains("“We doubled our crossings overnight");
    }

    @Test
    void readsJsonLdFromAGraphAndSkipsMalformedScripts() throws Exception {
        ArticleDraft draft = extractor.extract("glacier.html", fixture("json-ld-article.html"), null);

        assertThat(draft.headline()).isEqualTo("Glacier retreat speeds up, survey finds");
        assertThat(draft.byline()).isEqualTo("Lena Brunner, Tom Keller");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2022-08-30T16:05:00Z"));
        assertThat(draft.language()).as("from Content-Language").isEqualTo("de");
        assertThat(draft.dek()).isEqualTo("Measurements at forty sites show the fastest loss of ice since records began.");
        assertThat(draft.outlet()).as("JSON-LD publisher").isEqualTo("Alpine Observer");
        assertThat(text(draft)).startsWith("Glaciers across the Alps lost ice faster")
                .endsWith("at the current pace of melting.")
                .doesNotContain("newsletter", "Subscribe");
    }

    @Test
    void cutsTheSiteNameOffTheTitleAndFindsAVisibleByline() throws Exception {
        ArticleDraft draft = extractor.extract("trains.html", fixture("title-and-visible-byline.html"), null);

        assertThat(draft.headline()).isEqualTo("Night trains return to the northern line");
        assertThat(draft.byline()).isEqualTo("Jeanne Moreau");
        assertThat(draft.publishedAt()).as("<time datetime>").isEqualTo(Instant.parse("2019-11-02T00:00:00Z"));
        assertThat(draft.language()).isEqualTo("fr");
        assertThat(draft.dek()).isNull();
        assertThat(draft.outlet()).isNull();
        assertThat(draft.warnings()).anyMatch(w -> w.startsWith("unknown outlet"))
                .anyMatch(w -> w.startsWith("short body"));
    }

    @Test
    void ignoresAProfileUrlAsAuthorAndFallsBackToTheVisibleByline() throws Exception {
        String html = "<html><head><title>Orchard harvest starts early this year</title>"
                + "<meta name=\"author\" content=\"https://social.example/orchard-desk\"></head><body><article>"
                + "<div class=\"byline\">By Ana Ruiz (https://ana.example)</div>"
                + "<p>Apple growers in the valley began picking two weeks earlier than usual, after a warm spring and a "
                + "dry summer brought the fruit to ripeness ahead of the usual calendar.</p>"
                + "<p>Pickers who normally arrive in September were called in at short notice, and several farms "
                + "said they were still short of hands for the busiest week of the season.</p>"
                + "<p>Prices at the regional market have held steady so far, according to the growers' association.</p>"
                + "</article></body></html>";

        ArticleDraft draft = extractor.extract("orchard.html", html.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.byline()).isEqualTo("Ana Ruiz");
        assertThat(text(draft)).doesNotContain("By Ana Ruiz");
    }

    @Test
    void recognisesAKnownOutletFromTheUrlBeforeTheDeclaredSiteName() throws Exception {
        ArticleDraft draft = extractor.extract("bridge.html", fixture("open-graph-article.html"),
                "https://www.jpost.com/international/article-123");

        assertThat(draft.outlet()).isEqualTo("The Jerusalem Post");
        assertThat(draft.outletDomain()).isEqualTo("jpost.com");
        assertThat(draft.url()).isEqualTo("https://www.jpost.com/international/article-123");
    }

    @Test
    void dropsADescriptionThatOnlyRepeatsTheLead() throws Exception {
        String lead = "The museum will close for renovation at the end of the month and reopen in two years, "
                + "its director said on Monday, after a long dispute over the cost of the new roof and galleries.";
        String html = "<html><head><title>Museum to close for renovation work</title>"
                + "<meta name=\"description\" content=\"" + lead.substring(0, 80) + "…\"></head><body><article>"
                + ("<p>" + lead + "</p>").repeat(1) + "<p>" + "The collection will go on tour to three other cities, "
                + "with the largest paintings stored in a climate-controlled warehouse near the airport.</p>"
                + "<p>Staff will be retrained or moved to the city archive while the building is closed to visitors.</p>"
                + "</article></body></html>";

        ArticleDraft draft = extractor.extract("museum.html", html.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.dek()).isNull();
        assertThat(draft.paragraphs().get(0).text()).isEqualTo(lead);
    }

    @Test
    void keepsAPullQuoteOutOfTheBodyButNotTheParagraphCarryingIt() throws Exception {
        String carrying = "The minister said the agreement was “a first step, not the last word” and promised "
                + "further talks before the end of the year, once both delegations had reported back to their capitals.";
        String html = "<html><head><title>Talks on fishing rights make progress</title></head><body><article>"
                + "<p>Negotiators from both countries met for a third day on Wednesday to settle quotas for the "
                + "northern fishing grounds, which have been disputed since the old treaty lapsed.</p>"
                + "<blockquote class=\"pullquote\"><p>“A first step, not the last word”</p></blockquote>"
                + "<p>" + carrying + "</p>"
                + "<aside class=\"pull-quote\">further talks before the end of the year</aside>"
                + "<p>Fishing communities on both coasts have waited for a settlement for almost four years.</p>"
                + "<blockquote><p>Nothing is agreed until everything is agreed, and we are not there yet.</p></blockquote>"
                + "</article></body></html>";

        ArticleDraft draft = extractor.extract("talks.html", html.getBytes(StandardCharsets.UTF_8), null);

        assertThat(ofKind(draft, ParagraphKind.PARAGRAPH)).contains(carrying);
        assertThat(text(draft)).containsOnlyOnce("first step, not the last word")
                .containsOnlyOnce("further talks before the end of the year");
        assertThat(ofKind(draft, ParagraphKind.QUOTE)).as("a block quote of its own stays")
                .containsExactly("Nothing is agreed until everything is agreed, and we are not there yet.");
    }

    @Test
    void derivesAHeadlineWhenThePageHasNoTitle() throws Exception {
        String html = "<html><body><div><p>Volunteers planted four thousand trees along the river on Saturday, "
                + "the largest single planting the town has organised since the flood of 1998 washed away the old "
                + "embankment.</p><p>The trees were donated by a nursery in the next valley.</p></div></body></html>";

        ArticleDraft draft = extractor.extract("trees.html", html.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.headlineDerived()).isTrue();
        assertThat(draft.headline()).startsWith("Volunteers planted four thousand trees").endsWith("…")
                .hasSizeLessThanOrEqualTo(121);
        assertThat(draft.warnings()).anyMatch(w -> w.startsWith("derived headline"))
                .anyMatch(w -> w.startsWith("no publication date"));
    }

    @Test
    void confidenceFollowsTheEvidence() throws Exception {
        ArticleDraft complete = extractor.extract("bridge.html", fixture("open-graph-article.html"),
                "https://www.jpost.com/a");
        String bare = "<html><body><div><p>Volunteers planted four thousand trees along the river on Saturday, "
                + "the largest planting the town has organised.</p><p><a href=\"/more\">More stories</a></p></div></body></html>";
        ArticleDraft weak = extractor.extract("trees.html", bare.getBytes(StandardCharsets.UTF_8), null);

        assertThat(complete.confidence()).isBetween(0.7, 1.0);
        assertThat(weak.confidence()).isLessThan(0.3);
    }

    @Test
    void refusesAPageWithoutText() {
        byte[] html = "<html><head><title>Nothing</title></head><body><div> </div><img src=x></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> extractor.extract("blank.html", html, null))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("blank.html: no text in the HTML");
    }
}
