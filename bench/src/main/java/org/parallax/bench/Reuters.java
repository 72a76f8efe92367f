package org.parallax.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small reader for Reuters-21578's SGML ({@code <REUTERS>} records with {@code DATE}, {@code TITLE},
 * {@code BODY}), for benchmarks only: the ingest module's own reader is not on this branch. Briefs (a headline
 * without a body) count as articles whose text is the headline; records with neither are skipped.
 */
final class Reuters {

    private static final Pattern RECORD = Pattern.compile("<REUTERS[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("<DATE>\\s*(.*?)\\s*</DATE>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

    private Reuters() {
    }

    static List<Corpus.Doc> read(Path folder) {
        List<Corpus.Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sgm")).sorted().toList()) {
                // The files are 7-bit with a few stray bytes; Latin-1 reads every byte.
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                Matcher record = RECORD.matcher(text);
                while (record.find()) {
                    String sgml = record.group(1);
                    String body = find(BODY, sgml);
                    String title = find(TITLE, sgml);
                    if (body == null && title == null) {
                        continue;
                    }
                    // Briefs have a headline and no body: the headline is all the text they have.
                    String articleText = body == null ? clean(title).strip() : paragraphs(body);
                    docs.add(new Corpus.Doc(docs.size() + 1L, null, "Reuters", date(find(DATE, sgml)),
                            title == null ? "" : clean(title), articleText));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Reuters corpus in " + folder, e);
        }
        return docs;
    }

    private static String find(Pattern pattern, String sgml) {
        Matcher matcher = pattern.matcher(sgml);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Paragraphs start with an indented line; the closing "Reuter" signature is dropped. */
    private static String paragraphs(String body) {
        String text = clean(body).replaceAll("\\s*Reuter\\s*$", "");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s{2,}")) {
            String joined = paragraph.replaceAll("\\s+", " ").strip();
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static String clean(String sgml) {
        return sgml.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("&#\\d+;", "")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    private static java.time.Instant date(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip().replaceAll("\\.\\d+$", "");
        try {
            return LocalDateTime.parse(trimmed, DATE_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
