package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleText;
import org.parallax.core.article.ParagraphKind;
import org.parallax.seeds.Seeds;

/** Acceptance 1 of the ingest issue: what {@code parallax extract --json} must say about each seed. */
class SeedExtractionTests {

    private static Extraction extraction;

    @BeforeAll
    static void setUp() {
        extraction = Extraction.standard();
    }

    private static ArticleDraft seed(String prefix) {
        Seeds.Seed seed = Seeds.all().stream().filter(s -> s.name().startsWith(prefix)).findFirst().orElseThrow();
        List<ExtractionResult> results = extraction.extract(new Input(seed.origin(), seed.content()));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).error()).isNull();
        return results.get(0).article();
    }

    private static String text(ArticleDraft draft) {
        return ArticleText.body(draft.paragraphs());
    }

    @Test
    void seed000BuzzFeedWithoutPageFurniture() {
        ArticleDraft a = seed("000");
        assertThat(a.headline()).isEqualTo("Putin Asked Trump For A Mutual Ban On Election Interference. "
                + "The White House Said Russia Should Stop Its Ongoing Meddling First.");
        assertThat(a.headlineDerived()).isFalse();
        assertThat(a.outlet()).isEqualTo("BuzzFeed News");
        assertThat(text(a)).doesNotContain("Topics in this article").doesNotContain("Skip to footer");
        assertThat(a.language()).isEqualTo("en");
    }

    @Test
    void seed001AntiwarWithBylineAndWithoutAuthorBio() {
        ArticleDraft a = seed("001");
        assertThat(a.headline()).isEqualTo("Putin Calls For Mutual Ban on Election Meddling With US");
        assertThat(a.dek()).isEqualTo("US intel agencies claim Russia, China, and Iran are meddling in 2020 election");
        assertThat(a.byline()).isEqualTo("Dave DeCamp");
        assertThat(a.outlet()).isEqualTo("Antiwar.com");
        assertThat(text(a)).doesNotContain("news editor of Antiwar.com").doesNotContain("follow him on Twitter")
                .doesNotContain("Author: Dave DeCamp");
    }

    @Test
    void seed002PullQuotesOnceAndNoEndMark() {
        ArticleDraft a = seed("002");
        assertThat(a.headline()).isEqualTo("NO DEAL: How Secret Talks With Russia To Prevent Election Meddling Collapsed");
        assertThat(a.outlet()).isEqualTo("BuzzFeed News");
        String text = text(a);
        assertThat(occurrences(text, "We said ‘thank you very much but now is not the time for this")).isEqualTo(1);
        assertThat(occurrences(text, "Ultimately, Russia is unlikely to exercise self-restraint absent some form of an agreement"))
                .isEqualTo(1);
        // The paragraphs that carry the pull quotes are kept whole.
        assertThat(text).contains("said a senior State Department official who spoke on condition of anonymity")
                .contains("said Samuel Charap, a former State Department official");
        assertThat(text.strip()).doesNotEndWith("●");
        assertThat(text).doesNotContain("●");
    }

    @Test
    void seed003JerusalemPostWithWireBylineDateAndDek() {
        ArticleDraft a = seed("003");
        assertThat(a.headline()).isEqualTo("Putin says Russia, US should agree not to meddle in each other's election");
        assertThat(a.outlet()).isEqualTo("The Jerusalem Post");
        assertThat(a.byline()).isEqualTo("Reuters");
        assertThat(a.publishedAt()).isNotNull();
        assertThat(a.publishedAt().toString()).startsWith("2020-09-25");
        assertThat(a.dek()).isEqualTo("Moscow's relations with Washington are at post-Cold War lows as the election looms.");
        String text = text(a);
        assertThat(text).doesNotContain("Israel News Coronavirus").doesNotContain("WORLD NEWS Middle East");
        assertThat(text).doesNotContain("photo credit").doesNotContain("SPUTNIK/MIKHAIL KLIMENTYEV")
                .doesNotContain("attends an interview with Al Arabiya");
    }

    @Test
    void seed004DerivedHeadlineHeadingAndUnknownOutlet() {
        ArticleDraft a = seed("004");
        assertThat(a.headlineDerived()).isTrue();
        assertThat(a.headline()).startsWith("Russian President Vladimir Putin has invited the United States");
        assertThat(a.warnings()).contains(Warnings.DERIVED_HEADLINE);
        assertThat(a.paragraphs()).contains(new ArticleDraft.Block(ParagraphKind.HEADING, "Russian Meddling 2.0"));
        assertThat(a.outlet()).isNull();
        assertThat(a.warnings()).contains(Warnings.UNKNOWN_OUTLET);
    }

    @Test
    void extractJsonCarriesExactlyTheDocumentedFields() {
        Seeds.Seed seed = Seeds.all().get(0);
        ExtractionResult result = extraction.extract(new Input(seed.origin(), seed.content())).get(0);
        assertThat(ExtractJson.toMap(result).keySet()).containsExactly("source", "outlet", "headline",
                "headlineDerived", "dek", "byline", "publishedAt", "language", "paragraphs", "text", "confidence",
                "warnings", "error");
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
