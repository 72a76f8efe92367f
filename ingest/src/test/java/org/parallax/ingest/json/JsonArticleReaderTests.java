package org.parallax.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.article.ArticleText;
import org.parallax.ingest.Fixtures;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.Warnings;

class JsonArticleReaderTests {

    private final Extraction extraction = Extraction.standard();

    @TempDir
    Path dir;

    @Test
    void jsonLinesStreamOneArticlePerLineAndReportBadLinesAlone() throws Exception {
        Path file = Fixtures.write(dir, "articles.jsonl", String.join("\n",
                "{\"headline\":\"Fed holds rates\",\"datePublished\":\"2019-06-19T18:00:00Z\",\"outlet\":\"Reuters\","
                        + "\"byline\":\"Howard Schneider\",\"body\":\"The Federal Reserve held interest rates steady on "
                        + "Wednesday.\\n\\nPolicymakers signalled cuts could come later this year as trade tensions weigh.\"}",
                "{\"title\": \"broken\", ",
                "",
                "{\"title\":\"Romney urges Akin to quit\",\"date\":\"2012-08-21\",\"source\":\"nyt\","
                        + "\"url\":\"https://www.nytimes.com/2012/08/21/akin.html\",\"author\":[\"Jeff Zeleny\",\"Jim Rutenberg\"],"
                        + "\"body-paragraphs\":[[\"Mitt Romney urged Todd Akin to quit.\",\"He said so on Tuesday.\"],"
                        + "[\"Akin refused.\"]]}",
                "[1, 2, 3]") + "\n");

        List<ExtractionResult> results = extraction.extract(Input.ofFile(file));

        assertThat(results).hasSize(4);
        var fed = results.get(0).article();
        assertThat(fed.headline()).isEqualTo("Fed holds rates");
        assertThat(fed.outlet()).isEqualTo("Reuters");
        assertThat(fed.byline()).isEqualTo("Howard Schneider");
        assertThat(fed.publishedAt()).hasToString("2019-06-19T18:00:00Z");
        assertThat(fed.paragraphs()).hasSize(2);
        assertThat(results.get(0).raw().content()).asString().startsWith("{\"headline\":\"Fed holds rates\"");
        assertThat(results.get(1).error()).startsWith(file + " line 2: malformed JSON (");
        var akin = results.get(2).article();
        assertThat(akin.source()).isEqualTo(file + " line 4");
        assertThat(akin.outlet()).isEqualTo("The New York Times");
        assertThat(akin.byline()).isEqualTo("Jeff Zeleny, Jim Rutenberg");
        assertThat(akin.publishedAt()).hasToString("2012-08-21T00:00:00Z");
        assertThat(ArticleText.body(akin.paragraphs()))
                .isEqualTo("Mitt Romney urged Todd Akin to quit. He said so on Tuesday.\n\nAkin refused.");
        assertThat(results.get(3).error()).isEqualTo(file + " line 5: not a JSON object");
    }

    @Test
    void basilArticleFileIsOneArticle() throws Exception {
        Path basil = Path.of("../../shared/data/basil-dev/08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(basil), "shared BASIL data not present");

        List<ExtractionResult> results = extraction.extract(Input.ofFile(basil));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.article().headline()).isEqualTo("Romney calls on Rep. Akin to drop Senate bid over 'rape' comments");
            assertThat(r.article().outlet()).isEqualTo("Fox News");
            assertThat(r.article().publishedAt()).hasToString("2012-08-21T00:00:00Z");
            assertThat(r.article().language()).isEqualTo("en");
            assertThat(r.raw().mediaType()).isEqualTo("application/json");
        });
    }

    @Test
    void arrayDocumentAndUnknownStatedOutlet() throws Exception {
        Path file = Fixtures.write(dir, "export.json", """
                [
                  {"title": "One", "outlet": "Daily Planet", "body": "<p>First paragraph of one.</p><p>Second.</p>"},
                  {"title": "Two", "body": "Only paragraph of two."}
                ]
                """);

        List<ExtractionResult> results = extraction.extract(Input.ofFile(file));

        assertThat(results).hasSize(2).allMatch(ExtractionResult::isOk);
        assertThat(results.get(0).source()).isEqualTo(file + "[0]");
        assertThat(results.get(0).article().outlet()).isEqualTo("Daily Planet");
        assertThat(results.get(0).article().warnings()).contains(Warnings.statedOutlet("Daily Planet"));
        assertThat(results.get(0).article().paragraphs()).hasSize(2);
        assertThat(results.get(1).article().outlet()).isNull();
        assertThat(results.get(1).article().warnings()).contains(Warnings.UNKNOWN_OUTLET, Warnings.NO_DATE);
    }

    @Test
    void articleWithoutBodyAndDeeplyNestedJsonAreRefused() throws Exception {
        Path noBody = Fixtures.write(dir, "nobody.json", "{\"title\": \"Headline only\"}");
        Path nested = Fixtures.write(dir, "nested.json", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");

        assertThat(extraction.extract(Input.ofFile(noBody))).singleElement().satisfies(r -> assertThat(r.error())
                .isEqualTo(noBody + ": no article text (expected 'body' or 'body-paragraphs')"));
        assertThat(extraction.extract(Input.ofFile(nested))).singleElement().satisfies(r -> assertThat(r.error())
                .startsWith(nested + ": malformed JSON (").doesNotContain("\n"));
    }

    /**
     * A 'body' given as an array of strings used to be refused with "no article text (expected 'body' ...)"
     * although 'body' was there; now its strings are the paragraphs. What {@code parallax extract --json}
     * prints for the file is checked, and other types are refused by field and type.
     */
    @Test
    void bodyAsAnArrayOfStringsIsReadAsParagraphsAndOtherTypesAreNamed() throws Exception {
        Path file = Fixtures.write(dir, "array-body.json", """
                [{"title": "Harbour vote delayed", "body": ["The harbour board delayed its vote on the new pier.",
                  "Members asked for another survey of the seabed before deciding."]},
                 {"title": "Number body", "body": 42},
                 {"title": "Object body", "body": {"text": "Nested text."}},
                 {"title": "Mixed body", "paragraphs": ["A paragraph.", {"text": "Another."}]}]
                """);

        List<ExtractionResult> results = extraction.extract(Input.ofFile(file));

        assertThat(results).hasSize(4);
        var printed = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(org.parallax.ingest.extract.ExtractJson.line(results.get(0)));
        assertThat(printed.get("error").isNull()).isTrue();
        assertThat(printed.get("headline").asText()).isEqualTo("Harbour vote delayed");
        assertThat(printed.get("paragraphs")).hasSize(2);
        assertThat(printed.get("text").asText()).isEqualTo("The harbour board delayed its vote on the new pier.\n\n"
                + "Members asked for another survey of the seabed before deciding.");
        assertThat(results.get(1).error())
                .isEqualTo(file + "[1]: 'body' is a number; expected text or an array of paragraphs");
        assertThat(results.get(2).error())
                .isEqualTo(file + "[2]: 'body' is an object; expected text or an array of paragraphs");
        assertThat(results.get(3).error()).isEqualTo(file + "[3]: 'paragraphs' item 1 is an object; expected text");
    }

    @Test
    void overlongLineIsSkippedAndTheNextLinesRead() throws Exception {
        Path file = Fixtures.write(dir, "long.jsonl", "{\"title\":\"Long\",\"body\":\"" + "word ".repeat(50_000)
                + "\"}\n{\"title\":\"Short\",\"body\":\"A short body that still counts as an article text.\"}\n");
        IngestLimits limits = new IngestLimits(1 << 20, 100_000, 1L << 30, 100);

        List<ExtractionResult> results = Extraction.standard(limits).extract(Input.ofFile(file));

        assertThat(results).hasSize(2);
        assertThat(results.get(0).error()).isEqualTo(file + " line 1: over the 97.7 KiB limit for one record");
        assertThat(results.get(1).article().headline()).isEqualTo("Short");
    }

    /** Typographic quotes, Cyrillic, and U+010A, whose big-endian bytes (01 0A) hold a line feed byte. */
    private static final String SECOND_HEADLINE = "Putin’s “offer” — Кремль";
    private static final String UTF16_LINES = "{\"title\":\"First\",\"body\":\"A first body, long enough to be "
            + "read as the text of an article.\"}\r\n"
            + "{\"title\":\"" + SECOND_HEADLINE + "\",\"body\":\"The Kremlin said the offer to Washington stands, "
            + "as Ċeker wrote on Friday.\"}\n";

    @Test
    void utf16JsonLinesAreSplitAtLineEndsNotAtTheirBytes() throws Exception {
        byte[] le = UTF16_LINES.getBytes(StandardCharsets.UTF_16LE);
        byte[] be = UTF16_LINES.getBytes(StandardCharsets.UTF_16BE);
        assertUtf16LinesRead("le-bom.jsonl", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le), StandardCharsets.UTF_16LE);
        assertUtf16LinesRead("be-bom.jsonl", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be), StandardCharsets.UTF_16BE);
        assertUtf16LinesRead("le.jsonl", le, StandardCharsets.UTF_16LE);
        assertUtf16LinesRead("be.jsonl", be, StandardCharsets.UTF_16BE);
    }

    private void assertUtf16LinesRead(String name, byte[] bytes, Charset charset) throws Exception {
        Path file = Fixtures.write(dir, name, bytes);

        List<ExtractionResult> results = extraction.extract(Input.ofFile(file));

        assertThat(results).as(name).hasSize(2);
        assertThat(results).as(name).allSatisfy(r -> assertThat(r.error()).isNull());
        assertThat(results.get(0).article().headline()).isEqualTo("First");
        assertThat(results.get(1).article().headline()).as(name).isEqualTo(SECOND_HEADLINE);
        assertThat(ArticleText.body(results.get(1).article().paragraphs())).contains("as Ċeker wrote");
        // The raw document is the line's own bytes, with the encoding to read them by.
        assertThat(results.get(1).raw().charset()).isEqualTo(charset.name());
        assertThat(new String(results.get(1).raw().content(), charset)).startsWith("{\"title\":\"" + SECOND_HEADLINE);
    }

    @Test
    void aUtf16JsonLinesFileCutInTheMiddleOfACharacterLosesOnlyItsLastLine() throws Exception {
        byte[] le = UTF16_LINES.getBytes(StandardCharsets.UTF_16LE);
        int cut = UTF16_LINES.indexOf("Kremlin said") * 2 + 1;
        Path file = Fixtures.write(dir, "cut.jsonl", java.util.Arrays.copyOf(le, cut));

        List<ExtractionResult> results = extraction.extract(Input.ofFile(file));

        assertThat(results).hasSize(2);
        assertThat(results.get(0).article().headline()).isEqualTo("First");
        assertThat(results.get(1).error()).startsWith(file + " line 2: malformed JSON (");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
