package org.parallax.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.article.ArticleText;
import org.parallax.core.article.ParagraphKind;
import org.parallax.ingest.Fixtures;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.Warnings;

class FeedReaderTests {

    private final Extraction extraction = Extraction.standard();

    @TempDir
    Path dir;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>The Guardian World</title>
                <link>https://www.theguardian.com/world</link>
                <language>en-gb</language>
                <item>
                  <title>Kremlin proposes &lt;em&gt;mutual&lt;/em&gt; election pact</title>
                  <link>https://www.theguardian.com/world/2020/sep/25/kremlin-pact</link>
                  <dc:creator>Andrew Roth</dc:creator>
                  <pubDate>Fri, 25 Sep 2020 14:10:00 GMT</pubDate>
                  <description>Short summary only.</description>
                  <content:encoded><![CDATA[%s<h2>What comes next</h2><blockquote><p>We are ready to talk,</p></blockquote><p>The post Kremlin pact appeared first on Example.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Teaser with a summary only</title>
                  <link>https://www.theguardian.com/world/2020/sep/26/teaser</link>
                  <pubDate>Sat, 26 Sep 2020 09:00:00 GMT</pubDate>
                  <description><![CDATA[<p>Officials met on Saturday to discuss the proposal in detail, according to people familiar with the talks.</p>]]></description>
                </item>
              </channel>
            </rss>
            """.formatted(Fixtures.paragraphs("the pact", 4));

    @Test
    void rssItemsBecomeArticlesWithFullTextFromContentEncoded() throws Exception {
        Path feed = Fixtures.write(dir, "world.xml", RSS);

        List<ExtractionResult> results = extraction.extract(Input.ofFile(feed));

        assertThat(results).hasSize(2).allMatch(ExtractionResult::isOk);
        var full = results.get(0).article();
        assertThat(full.headline()).isEqualTo("Kremlin proposes mutual election pact");
        assertThat(full.url()).isEqualTo("https://www.theguardian.com/world/2020/sep/25/kremlin-pact");
        assertThat(full.outlet()).isEqualTo("The Guardian");
        assertThat(full.byline()).isEqualTo("Andrew Roth");
        assertThat(full.publishedAt()).hasToString("2020-09-25T14:10:00Z");
        assertThat(full.language()).isEqualTo("en");
        assertThat(full.warnings()).doesNotContain(Warnings.PARTIAL_FEED_ITEM);
        assertThat(full.paragraphs()).hasSize(6);
        assertThat(full.paragraphs().get(4)).isEqualTo(
                new org.parallax.core.article.ArticleDraft.Block(ParagraphKind.HEADING, "What comes next"));
        assertThat(full.paragraphs().get(5).kind()).isEqualTo(ParagraphKind.QUOTE);
        assertThat(ArticleText.body(full.paragraphs())).doesNotContain("appeared first on").doesNotContain("Short summary");
        assertThat(results.get(0).raw().mediaType()).isEqualTo("application/rss+xml");

        var partial = results.get(1).article();
        assertThat(partial.warnings()).contains(Warnings.PARTIAL_FEED_ITEM);
        assertThat(partial.confidence()).isLessThan(full.confidence());
        assertThat(ArticleText.body(partial.paragraphs())).startsWith("Officials met on Saturday");
    }

    @Test
    void atomEntriesAreRead() throws Exception {
        Path feed = Fixtures.write(dir, "feed.atom", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Antiwar.com News</title>
                  <link href="https://news.antiwar.com/"/>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2020-09-25T18:30:02Z</updated>
                  <entry>
                    <title>Putin Calls For Mutual Ban on Election Meddling</title>
                    <link href="https://news.antiwar.com/2020/09/25/putin-calls"/>
                    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                    <published>2020-09-25T18:30:02Z</published>
                    <author><name>Dave DeCamp</name></author>
                    <content type="html">%s</content>
                  </entry>
                </feed>
                """.formatted(Fixtures.paragraphs("the ban", 3).replace("<", "&lt;").replace(">", "&gt;")));

        List<ExtractionResult> results = extraction.extract(Input.ofFile(feed));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.article().outlet()).isEqualTo("Antiwar.com");
            assertThat(r.article().byline()).isEqualTo("Dave DeCamp");
            assertThat(r.article().paragraphs()).hasSize(3);
            assertThat(r.raw().mediaType()).isEqualTo("application/atom+xml");
        });
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        Path secret = Fixtures.write(dir, "secret.txt", "TOP SECRET CONTENT");
        Path feed = Fixtures.write(dir, "xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>t</title><link>https://a.example/</link><description>d</description>
                <item><title>&xxe;</title><link>https://a.example/1</link><description>&xxe; leaked</description></item>
                </channel></rss>
                """.formatted(secret.toUri()));

        List<ExtractionResult> results = extraction.extract(Input.ofFile(feed));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).startsWith(feed + ": malformed feed");
            assertThat(r.error()).doesNotContain("TOP SECRET").doesNotContain("\n");
        });
    }

    @Test
    void entityExpansionBombIsRefusedQuickly() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        Path feed = Fixtures.write(dir, "laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities
                + "]><rss version=\"2.0\"><channel><title>&lol9;</title><link>https://a.example/</link>"
                + "<description>d</description><item><title>x</title><description>&lol9;</description></item>"
                + "</channel></rss>");

        List<ExtractionResult> results = extraction.extract(Input.ofFile(feed));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.error()).startsWith(feed + ": malformed feed"));
    }

    @Test
    void malformedFeedGetsOneLineError() throws Exception {
        Path feed = Fixtures.write(dir, "broken.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>unclosed</item></channel>");

        List<ExtractionResult> results = extraction.extract(Input.ofFile(feed));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).startsWith(feed + ": malformed feed (");
            assertThat(r.error()).doesNotContain("\n");
        });
    }
}
