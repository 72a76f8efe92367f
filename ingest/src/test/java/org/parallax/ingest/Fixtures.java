package org.parallax.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Real input files for tests, written into a temporary folder. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String paragraphs(String topic, int count) {
        StringBuilder html = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            html.append("<p>Paragraph ").append(i).append(" about ").append(topic)
                    .append(" explains what officials said on the record, where they said it and why the decision "
                            + "matters to readers who follow the negotiations closely.</p>");
        }
        return html.toString();
    }

    public static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\"></head><body><article><h1>" + title
                + "</h1>" + body + "</article></body></html>";
    }

    /** A WARC with two HTML responses, an image response and a 404, each with its capture date. */
    public static Path warc(Path dir, String name, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE),
                gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            writer.write(response("https://www.reuters.com/world/putin-offer", Instant.parse("2020-09-25T16:00:00Z"),
                    200, "text/html; charset=utf-8", page("Putin offers a pact on election meddling",
                            paragraphs("the Kremlin offer", 6)).getBytes(StandardCharsets.UTF_8)));
            writer.write(response("https://example.org/blog/sanctions", Instant.parse("2020-09-26T08:30:00Z"),
                    200, "text/html", page("Sanctions debate continues", paragraphs("new sanctions", 5))
                            .getBytes(StandardCharsets.UTF_8)));
            writer.write(response("https://example.org/logo.png", Instant.parse("2020-09-26T08:31:00Z"), 200,
                    "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}));
            writer.write(response("https://example.org/missing", Instant.parse("2020-09-26T08:32:00Z"), 404,
                    "text/html", "<html><body><p>Not found</p></body></html>".getBytes(StandardCharsets.UTF_8)));
        }
        return file;
    }

    public static WarcResponse response(String uri, Instant date, int status, String type, byte[] body)
            throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(URI.create(uri)).date(date).body(http).build();
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    public static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Writes {@code size} bytes produced by repeating {@code unit}, without holding them in memory. */
    public static Path repeat(Path dir, String name, String prefix, String unit, long size, String suffix)
            throws IOException {
        Path file = dir.resolve(name);
        byte[] chunk = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            long written = 0;
            while (written < size) {
                out.write(chunk);
                written += chunk.length;
            }
            out.write(suffix.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
