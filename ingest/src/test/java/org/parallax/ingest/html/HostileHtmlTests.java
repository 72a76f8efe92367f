package org.parallax.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.ArticleDraft;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.text.OutletRecognizer;

/** Inputs a crawl really produces: each is either read sensibly or refused with a one-line error. */
class HostileHtmlTests {

    private static final String PARAGRAPH = "<p>The regional parliament voted on Thursday to extend the ferry subsidy "
            + "for another five years, after islanders warned that the winter timetable would otherwise be cut in half, "
            + "leaving schools and clinics without a reliable connection to the mainland.</p>";

    private final HtmlExtractor extractor = new HtmlExtractor(OutletRecognizer.standard());

    private static void assertOneLine(Throwable error, String source) {
        assertThat(error).isInstanceOf(ExtractionException.class);
        assertThat(error.getMessage()).startsWith(source + ": ").doesNotContain("\n");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> extractor.extract("empty.html", new byte[0], null))
                .satisfies(e -> assertOneLine(e, "empty.html"))
                .hasMessage("empty.html: empty file");
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);

        assertThatThrownBy(() -> extractor.extract("noise.bin", noise, null))
                .satisfies(e -> assertOneLine(e, "noise.bin"))
                .hasMessageContaining("binary data").hasMessageEndingWith("not HTML");
    }

    @Test
    void refusesACompressedPage() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("<html><body>" + PARAGRAPH + "</body></html>").getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> extractor.extract("page.html.gz", gz.toByteArray(), null))
                .hasMessage("page.html.gz: binary data (gzip), not HTML");
    }

    @Test
    void refusesAPageOverTheSizeLimitWithoutParsingIt() {
        byte[] huge = new byte[50 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');

        assertThatThrownBy(() -> extractor.extract("huge.html", huge, null))
                .satisfies(e -> assertOneLine(e, "huge.html"))
                .hasMessage("huge.html: 52,428,800 bytes is over the 8,388,608-byte limit for an HTML page");
    }

    @Test
    void readsAPageJustUnderACustomLimit() throws Exception {
        byte[] page = ("<html><body><article>" + PARAGRAPH.repeat(4) + "</article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        HtmlExtractor small = new HtmlExtractor(OutletRecognizer.standard(), page.length);

        assertThat(small.extract("page.html", page, null).paragraphs()).hasSize(4);
        assertThatThrownBy(() -> new HtmlExtractor(OutletRecognizer.standard(), page.length - 1)
                .extract("page.html", page, null)).hasMessageContaining("-byte limit");
    }

    @Test
    void readsWhatATruncatedPageHolds() throws Exception {
        String full = "<html><head><title>Ferry subsidy extended for five years</title></head><body><article>"
                + PARAGRAPH + PARAGRAPH.replace("Thursday", "Friday") + "<p>The third paragraph was never sent";
        byte[] cut = full.substring(0, full.length() - 5).getBytes(StandardCharsets.UTF_8);

        ArticleDraft draft = extractor.extract("cut.html", cut, null);

        assertThat(draft.headline()).isEqualTo("Ferry subsidy extended for five years");
        assertThat(draft.paragraphs()).hasSize(3);
        assertThat(draft.paragraphs().get(2).text()).isEqualTo("The third paragraph was never");
    }

    @Test
    void survivesMarkupCutInsideATag() throws Exception {
        String page = "<html><head><title>Ferry subsidy extended</title></head><body><div class=\"story\">" + PARAGRAPH
                + PARAGRAPH + "<p class=\"unfinish";

        ArticleDraft draft = extractor.extract("cut.html", page.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.paragraphs()).hasSize(2);
    }

    @Test
    void survivesTenThousandNestedElements() throws Exception {
        int depth = 10_000;
        StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body>");
        html.append("<div>".repeat(depth)).append(PARAGRAPH.repeat(3)).append("</div>".repeat(depth));
        html.append("<section>").append("<span><b><del>".repeat(depth)).append("deep inline text")
                .append("</del></b></span>".repeat(depth)).append("</section></body></html>");

        ArticleDraft draft = extractor.extract("deep.html", html.toString().getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.paragraphs()).anySatisfy(p -> assertThat(p.text()).contains("regional parliament voted"));
    }

    @Test
    void survivesTenThousandUnclosedElements() throws Exception {
        String html = "<html><body>" + "<div><p><span>".repeat(10_000) + PARAGRAPH.repeat(3);

        ArticleDraft draft = extractor.extract("unclosed.html", html.getBytes(StandardCharsets.UTF_8), null);

        assertThat(draft.paragraphs()).isNotEmpty();
    }

    @Test
    void refusesAFileOfWhitespace() {
        assertThatThrownBy(() -> extractor.extract("blank.html", " \n\t \r\n".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("blank.html: no text in the HTML");
    }

    @Test
    void treatsPlainTextAsAPageWithoutMarkup() throws Exception {
        byte[] text = (PARAGRAPH.replace("<p>", "").replace("</p>", "\n\n")).repeat(3).getBytes(StandardCharsets.UTF_8);

        ArticleDraft draft = extractor.extract("notes.txt", text, null);

        assertThat(draft.headlineDerived()).isTrue();
        assertThat(draft.paragraphs()).isNotEmpty();
    }
}
