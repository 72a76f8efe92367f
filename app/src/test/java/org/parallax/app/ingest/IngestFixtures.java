package org.parallax.app.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.parallax.app.support.MadeUpWords;
import org.parallax.seeds.Seeds;

/**
 * A folder holding one real file of every input format, each with text made unique by a nonce so that a
 * test run against a database that already holds earlier runs still stores them as new.
 */
final class IngestFixtures {

    private IngestFixtures() {
    }

    /** Made-up words, different on every call. */
    static String words(int count) {
        return MadeUpWords.words(count);
    }

    static String body(String nonce, String topic, int paragraphs) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= paragraphs; i++) {
            text.append("Paragraph ").append(i).append(" on ").append(topic).append(" (").append(nonce)
                    .append(") reports what the officials said, where they said it and why readers should care.\n\n");
        }
        return text.toString().strip();
    }

    static Path everyFormat(Path dir, String nonce) throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        for (Seeds.Seed seed : Seeds.all()) {
            Files.write(seeds.resolve(seed.name()), seed.content());
        }
        Files.writeString(dir.resolve("story.txt"), "Talks resume in Geneva " + nonce + "\n\n"
                + body(nonce, "the Geneva talks", 4));
        Files.writeString(dir.resolve("feed.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel><title>The Guardian</title><link>https://www.theguardian.com/</link><description>d</description>
                    <item><title>Feed item one %1$s</title><link>https://www.theguardian.com/a-%1$s</link>
                      <pubDate>Fri, 25 Sep 2020 14:10:00 GMT</pubDate>
                      <content:encoded><![CDATA[<p>%2$s</p>]]></content:encoded></item>
                    <item><title>Feed item two %1$s</title><link>https://www.theguardian.com/b-%1$s</link>
                      <description>%3$s</description></item>
                  </channel>
                </rss>
                """.formatted(nonce, body(nonce, "the first feed item", 3).replace("\n\n", "</p><p>"),
                body(nonce, "a summary", 1)));
        Files.writeString(dir.resolve("articles.jsonl"),
                "{\"title\":\"JSON line one " + nonce + "\",\"date\":\"2012-08-21\",\"source\":\"nyt\",\"body\":\""
                        + body(nonce, "the first JSON line", 3).replace("\n", "\\n") + "\"}\n"
                        + "{\"headline\":\"JSON line two " + nonce + "\",\"body-paragraphs\":[[\""
                        + body(nonce, "the second JSON line", 1) + "\"]]}\n");
        Files.writeString(dir.resolve("reut2-fixture.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
                + "<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>WIRE STORY " + nonce
                + "</TITLE>\n<DATELINE>    LONDON, Feb 26 - </DATELINE><BODY>" + body(nonce, "the wire", 3)
                + "\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n");
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(dir.resolve("crawl.warc.gz"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response("https://www.reuters.com/world/" + nonce, "<html><head><title>Captured page " + nonce
                    + "</title></head><body><article><h1>Captured page " + nonce + "</h1><p>"
                    + body(nonce, "the captured page", 4).replace("\n\n", "</p><p>") + "</p></article></body></html>"));
        }
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        return dir;
    }

    private static WarcResponse response(String uri, String html) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8)).build();
        return new WarcResponse.Builder(URI.create(uri)).date(Instant.parse("2020-09-26T10:00:00Z")).body(http).build();
    }
}
