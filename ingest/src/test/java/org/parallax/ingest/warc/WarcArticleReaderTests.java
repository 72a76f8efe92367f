package org.parallax.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import org.parallax.ingest.Fixtures;
import org.parallax.ingest.extract.Extraction;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.Warnings;

class WarcArticleReaderTests {

    @TempDir
    Path dir;

    @Test
    void everyHtmlResponseBecomesAnArticleWithTargetUriAndCaptureDate() throws Exception {
        for (boolean gzip : new boolean[] {false, true}) {
            Path warc = Fixtures.warc(dir, gzip ? "crawl.warc.gz" : "crawl.warc", gzip);

            List<ExtractionResult> results = Extraction.standard().extract(Input.ofFile(warc));

            assertThat(results).as("only the two 200 HTML responses").hasSize(2).allMatch(ExtractionResult::isOk);
            var first = results.get(0);
            assertThat(first.source()).isEqualTo("https://www.reuters.com/world/putin-offer");
            assertThat(first.article().url()).isEqualTo("https://www.reuters.com/world/putin-offer");
            assertThat(first.article().outlet()).isEqualTo("Reuters");
            assertThat(first.article().headline()).isEqualTo("Putin offers a pact on election meddling");
            assertThat(first.article().publishedAt()).isEqualTo(Instant.parse("2020-09-25T16:00:00Z"));
            assertThat(first.article().warnings()).contains(Warnings.CAPTURE_DATE).doesNotContain(Warnings.NO_DATE);
            assertThat(first.raw().origin()).isEqualTo("https://www.reuters.com/world/putin-offer");
            assertThat(first.raw().charset()).isEqualTo("UTF-8");
            assertThat(new String(first.raw().content())).startsWith("<!DOCTYPE html>");
            assertThat(results.get(1).article().url()).isEqualTo("https://example.org/blog/sanctions");
            assertThat(results.get(1).article().outlet()).isNull();
        }
    }

    @Test
    void recordOverTheLimitFailsAloneAndTheRestIsRead() throws Exception {
        Path warc = dir.resolve("big.warc.gz");
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(Fixtures.response("https://example.org/huge", Instant.now(), 200, "text/html",
                    Fixtures.page("Huge", Fixtures.paragraphs("size", 2000)).getBytes()));
            writer.write(Fixtures.response("https://example.org/small", Instant.now(), 200, "text/html",
                    Fixtures.page("Small", Fixtures.paragraphs("size", 3)).getBytes()));
        }
        IngestLimits limits = new IngestLimits(1 << 20, 64 * 1024, 1L << 30, 100);

        List<ExtractionResult> results = Extraction.standard(limits).extract(Input.ofFile(warc));

        assertThat(results).hasSize(2);
        assertThat(results.get(0).error()).isEqualTo("https://example.org/huge: record payload is over the 64 KiB "
                + "limit for one record");
        assertThat(results.get(1).article().headline()).isEqualTo("Small");
    }

    @Test
    void gzipBombIsStoppedWithOneLineError() throws Exception {
        // A real WARC.gz whose single record claims 256 MiB of zeros: a quarter MiB on disk, 1000:1.
        Path bomb = dir.resolve("bomb.warc.gz");
        long payload = 256L << 20;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + payload + "\r\n\r\n";
            out.write(("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bomb\r\n"
                    + "WARC-Date: 2020-09-25T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0b5e2a2e-6b5c-4b1e-9d6b-2f1c1b1a0b0c>\r\n"
                    + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + (head.length() + payload)
                    + "\r\n\r\n" + head).getBytes());
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < payload; written += zeros.length) {
                out.write(zeros);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1L << 20);
        IngestLimits limits = new IngestLimits(1 << 20, 1 << 20, 1L << 30, 100);

        List<ExtractionResult> results = Extraction.standard(limits).extract(Input.ofFile(bomb));

        assertThat(results).last().satisfies(r -> assertThat(r.error())
                .isEqualTo(bomb + ": decompresses more than 100 to 1, a decompression bomb; reading stopped"));
    }

    @Test
    void truncatedWarcKeepsTheRecordsBeforeTheDamage() throws Exception {
        Path warc = Fixtures.warc(dir, "whole.warc", false);
        byte[] bytes = Files.readAllBytes(warc);
        Path cut = Fixtures.write(dir, "cut.warc", java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));

        List<ExtractionResult> results = Extraction.standard().extract(Input.ofFile(cut));

        assertThat(results.get(0).isOk()).isTrue();
        assertThat(results).last().satisfies(r -> assertThat(r.error()).startsWith(cut + ": malformed WARC after"));
    }

    @Test
    void httpHeaderCharsetDecodesAPageThatDeclaresNone() throws Exception {
        // Windows-1251 Cyrillic with no <meta charset>: only the HTTP header says how to read the bytes.
        String title = "Путин предложил договор о невмешательстве в выборы";
        String body = ("<p>Президент России предложил Соединённым Штатам обменяться гарантиями невмешательства "
                + "в выборы и внутренние дела друг друга, сообщил Кремль в пятницу.</p>").repeat(4);
        String html = "<!DOCTYPE html><html lang=\"ru\"><head><title>" + title + "</title></head><body><article><h1>"
                + title + "</h1>" + body + "</article></body></html>";
        Path warc = archiveOfOnePage("cyrillic.warc", "https://example.ru/news/1", "text/html; charset=windows-1251",
                html.getBytes(java.nio.charset.Charset.forName("windows-1251")));

        List<ExtractionResult> results = Extraction.standard().extract(Input.ofFile(warc));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.article().headline()).isEqualTo(title);
            assertThat(result.article().paragraphs()).first().satisfies(paragraph ->
                    assertThat(paragraph.text()).startsWith("Президент России предложил"));
            assertThat(result.raw().charset()).isEqualTo("windows-1251");
        });
    }

    /** The original is shown in the recorded charset; a page naming its own recorded none. */
    @Test
    void aPageThatNamesItsCharsetOnlyInAMetaTagRecordsThatCharset() throws Exception {
        String title = "Élysée répond à Moscou";
        String html = "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>" + title
                + "</title></head><body><article><h1>" + title + "</h1>"
                + "<p>Le président a déclaré vendredi que la proposition russe méritait d’être étudiée.</p>".repeat(4)
                + "</article></body></html>";
        Path warc = archiveOfOnePage("meta-charset.warc", "https://example.fr/news/1", "text/html",
                html.getBytes(java.nio.charset.Charset.forName("windows-1252")));

        List<ExtractionResult> results = Extraction.standard().extract(Input.ofFile(warc));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.article().headline()).isEqualTo(title);
            assertThat(result.raw().charset()).isEqualTo("windows-1252");
        });
    }

    /** An uncompressed archive of one 200 response captured on 2020-09-25. */
    private Path archiveOfOnePage(String name, String url, String contentType, byte[] payload) throws Exception {
        Path warc = dir.resolve(name);
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE), WarcCompression.NONE)) {
            writer.write(Fixtures.response(url, Instant.parse("2020-09-25T16:00:00Z"), 200, contentType, payload));
        }
        return warc;
    }
}
