package org.parallax.ingest.sgml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.article.ArticleText;
import org.parallax.ingest.Fixtures;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.Input;

class ReutersSgmlReaderTests {

    @TempDir
    Path dir;

    static final String FILE = """
            <!DOCTYPE lewis SYSTEM "lewis.dtd">
            <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TOPICS><D>cocoa</D></TOPICS>
            <UNKNOWN>\s
            &#5;&#5;&#5;C T
            &#22;&#22;&#1;f0704&#31;reute
            u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
            <TEXT>&#2;
            <TITLE>BAHIA COCOA REVIEW</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
            the Bahia cocoa zone, alleviating the drought since early
            January, Comissaria Smith said in its weekly review.
                The dry period means the temporao will be late this year &lt;and&gt; prices &amp; costs rise.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5546" NEWID="3">
            <DATE>26-FEB-1987 15:03:27.51</DATE>
            <TEXT TYPE="BRIEF">&#2;
            ******<TITLE>TEXAS COMMERCE FILES PLAN
            </TITLE>
            &#3;
            </TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="4">
            <DATE>26-FEB-1987 15:04:00.00</DATE>
            <TEXT>&#2;
            <TITLE>TRUNCATED
            """;

    @Test
    void recordsBecomeReutersArticlesWithDatelineAndWithoutSignature() throws Exception {
        Path file = Fixtures.write(dir, "reut2-test.sgm", FILE);

        List<ExtractionResult> results = Extraction.standard().extract(Input.ofFile(file));

        assertThat(results).hasSize(3);
        var cocoa = results.get(0);
        assertThat(cocoa.source()).isEqualTo(file + "#NEWID=1");
        assertThat(cocoa.article().headline()).isEqualTo("BAHIA COCOA REVIEW");
        assertThat(cocoa.article().outlet()).isEqualTo("Reuters");
        assertThat(cocoa.article().publishedAt()).hasToString("1987-02-26T15:01:01Z");
        assertThat(ArticleText.body(cocoa.article().paragraphs())).isEqualTo(
                "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, alleviating the "
                        + "drought since early January, Comissaria Smith said in its weekly review.\n\n"
                        + "The dry period means the temporao will be late this year <and> prices & costs rise.");
        assertThat(new String(cocoa.raw().content())).startsWith("<REUTERS TOPICS=\"YES\"").endsWith("</REUTERS>");

        var brief = results.get(1).article();
        assertThat(brief.headline()).isEqualTo("TEXAS COMMERCE FILES PLAN");
        assertThat(ArticleText.body(brief.paragraphs())).isEqualTo("TEXAS COMMERCE FILES PLAN");
        assertThat(brief.warnings()).anyMatch(w -> w.startsWith("headline only"));

        assertThat(results.get(2).error()).isEqualTo(file + " line 26: truncated record, no closing </REUTERS>");
    }

    @Test
    void wholeCorpusFileReadsEveryRecord() {
        Path corpus = Path.of("../../shared/data/reuters21578/reut2-021.sgm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(corpus), "shared Reuters data not present");

        List<ExtractionResult> results = Extraction.standard().extract(Input.ofFile(corpus));

        assertThat(results).hasSize(578);
        assertThat(results).allMatch(ExtractionResult::isOk);
    }
}
