package org.parallax.ingest.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parallax.ingest.extract.ExtractionException;

class FormatDetectorTests {

    private static Format detect(String name, String content) throws ExtractionException {
        return FormatDetector.detect(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentDecidesNotTheExtension() throws Exception {
        assertThat(detect("page.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>")).isEqualTo(Format.HTML);
        assertThat(detect("feed.html", "<?xml version=\"1.0\"?>\n<!-- generator -->\n<rss version=\"2.0\"><channel/></rss>"))
                .isEqualTo(Format.FEED);
        assertThat(detect("x.dat", "<?xml version='1.0'?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"))
                .isEqualTo(Format.FEED);
        assertThat(detect("x.dat", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"))
                .isEqualTo(Format.FEED);
        assertThat(detect("story.html", "Putin Calls For Mutual Ban\n\nOn Friday, Putin said ...")).isEqualTo(Format.TEXT);
        assertThat(detect("a.json", "{\"title\":\"a\"}\n{\"title\":\"b\"}\n")).isEqualTo(Format.JSON_LINES);
        assertThat(detect("a.json", "{\n  \"title\": \"a\",\n  \"body\": \"b\"\n}")).isEqualTo(Format.JSON);
        assertThat(detect("a.jsonl", "{\"title\":\"a\"}")).isEqualTo(Format.JSON_LINES);
        assertThat(detect("a.txt", "[{\"title\":\"a\"}]")).isEqualTo(Format.JSON);
        assertThat(detect("reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">"))
                .isEqualTo(Format.REUTERS_SGML);
        assertThat(detect("crawl.bin", "WARC/1.1\r\nWARC-Type: warcinfo\r\n")).isEqualTo(Format.WARC);
        assertThat(detect("fragment", "<div><p>Just a saved fragment</p></div>")).isEqualTo(Format.HTML);
    }

    @Test
    void unreadableContentIsRefusedWithTheReason() {
        assertThatThrownBy(() -> FormatDetector.detect("empty.txt", new byte[0]))
                .hasMessage("empty.txt: empty file");
        assertThatThrownBy(() -> detect("blank.txt", " \n\t\n"))
                .hasMessage("blank.txt: only whitespace, no text");
        assertThatThrownBy(() -> FormatDetector.detect("photo.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}))
                .hasMessage("photo.html: an image, not a format Parallax reads");
        assertThatThrownBy(() -> detect("report.txt", "%PDF-1.7\n%âãÏÓ"))
                .hasMessage("report.txt: a PDF document, not a format Parallax reads");
        assertThatThrownBy(() -> FormatDetector.detect("blob.txt", new byte[] {1, 2, 3, 0, 5, 6, 'a'}))
                .hasMessage("blob.txt: binary data, not text");
        assertThatThrownBy(() -> detect("config.xml", "<?xml version=\"1.0\"?><project><name>x</name></project>"))
                .hasMessage("config.xml: XML that is neither an RSS nor an Atom feed (root element <project>)");
        assertThatThrownBy(() -> FormatDetector.detect("data.gz", gzip("hello")))
                .hasMessage("data.gz: gzip-compressed data that is not a WARC file; decompress it first");
    }

    private static byte[] gzip(String text) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
