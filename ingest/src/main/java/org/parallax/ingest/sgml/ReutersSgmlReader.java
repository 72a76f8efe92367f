package org.parallax.ingest.sgml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;
import org.parallax.core.article.RawDocument;
import org.parallax.ingest.extract.BoundedLines;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.Sizes;
import org.parallax.ingest.extract.Warnings;
import org.parallax.ingest.text.OutletRecognizer;
import org.parallax.ingest.text.TextDecoding;

/**
 * Reads Reuters-21578 SGML files: a stream of {@code <REUTERS>} records, each with {@code DATE} and a
 * {@code TEXT} holding {@code TITLE}, {@code DATELINE} and {@code BODY} (or, for briefs, the title alone;
 * for unprocessed records, bare text). Records are streamed one at a time, each kept as its exact bytes.
 *
 * <p>The outlet is Reuters: the record format is Reuters' own and the bodies end with its "Reuter"
 * signature, which is removed from the text. The dateline opens the first paragraph, as on the wire.
 * Paragraphs are the indented lines of the body; lines that continue a paragraph are joined.
 */
public final class ReutersSgmlReader {

    private static final Pattern RECORD_START = Pattern.compile("<REUTERS\\b");
    private static final Pattern RECORD_END = Pattern.compile("</REUTERS>");
    private static final Pattern NEW_ID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern DATE = Pattern.compile("<DATE>\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{4} \\d{1,2}:\\d{2}:\\d{2})");
    private static final Pattern TEXT = Pattern.compile("<TEXT([^>]*)>(.*?)</TEXT>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern DATELINE = Pattern.compile("<DATELINE>(.*?)</DATELINE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d+);");
    private static final Pattern SIGNATURE = Pattern.compile("\\s*\\b(?:Reuter|REUTER)\\s*$");
    private static final Pattern WIRE_BYLINE = Pattern.compile("^By ([\\p{L} .'-]{3,60}), Reuters$");
    private static final DateTimeFormatter DATE_FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d-MMM-yyyy H:mm:ss").toFormatter(Locale.ENGLISH);

    private final OutletRecognizer outlets;
    private final IngestLimits limits;

    public ReutersSgmlReader(OutletRecognizer outlets, IngestLimits limits) {
        this.outlets = outlets;
        this.limits = limits;
    }

    public void read(Input input, Consumer<ExtractionResult> sink) throws ExtractionException {
        String name = input.name();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        boolean inRecord = false;
        boolean tooLong = false;
        long startLine = 0;
        try (InputStream in = input.open(); BoundedLines lines = new BoundedLines(in, limits.maxRecordBytes())) {
            for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
                // ISO-8859-1 maps bytes to chars one to one: safe for finding ASCII tags in any charset.
                String text = new String(line.bytes(), StandardCharsets.ISO_8859_1);
                if (!inRecord) {
                    Matcher start = RECORD_START.matcher(text);
                    if (!start.find()) {
                        continue;
                    }
                    inRecord = true;
                    tooLong = line.tooLong();
                    startLine = line.number();
                    record.reset();
                    record.write(line.bytes(), start.start(), line.bytes().length - start.start());
                } else {
                    tooLong |= line.tooLong() || record.size() + line.bytes().length + 1 > limits.maxRecordBytes();
                    if (!tooLong) {
                        record.write('\n');
                        record.write(line.bytes(), 0, line.bytes().length);
                    }
                }
                Matcher end = RECORD_END.matcher(text);
                if (end.find()) {
                    inRecord = false;
                    String source = name + " line " + startLine;
                    if (tooLong) {
                        sink.accept(ExtractionResult.failed(source, source + ": record over the "
                                + Sizes.describe(limits.maxRecordBytes()) + " limit for one record"));
                    } else {
                        sink.accept(record(name, source, trimAfterEnd(record.toByteArray())));
                    }
                }
            }
        } catch (IOException e) {
            throw new ExtractionException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (inRecord) {
            String source = name + " line " + startLine;
            sink.accept(ExtractionResult.failed(source, source + ": truncated record, no closing </REUTERS>"));
        }
    }

    private static byte[] trimAfterEnd(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf("</REUTERS>") + "</REUTERS>".length();
        return text.substring(0, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private ExtractionResult record(String file, String fallbackSource, byte[] bytes) {
        String text;
        try {
            text = TextDecoding.decode(fallbackSource, bytes);
        } catch (ExtractionException e) {
            return ExtractionResult.failed(fallbackSource, e.getMessage());
        }
        Matcher id = NEW_ID.matcher(text);
        String source = id.find() ? file + "#NEWID=" + id.group(1) : fallbackSource;
        try {
            ArticleDraft draft = draft(source, text);
            return ExtractionResult.ok(
                    new RawDocument(bytes, "application/sgml", TextDecoding.charsetOf(bytes), source), draft);
        } catch (ExtractionException e) {
            return ExtractionResult.failed(source, e.getMessage());
        }
    }

    private ArticleDraft draft(String source, String record) throws ExtractionException {
        Matcher textMatch = TEXT.matcher(record);
        if (!textMatch.find()) {
            throw new ExtractionException(source + ": record has no <TEXT>");
        }
        String attributes = textMatch.group(1);
        String inner = textMatch.group(2);
        String title = group(TITLE, inner).map(ReutersSgmlReader::oneLine).filter(t -> !t.isEmpty()).orElse(null);
        String dateline = group(DATELINE, inner).map(ReutersSgmlReader::oneLine).orElse("");
        List<String> warnings = new ArrayList<>();
        List<Block> blocks;
        if (attributes.contains("UNPROC")) {
            blocks = paragraphs(decode(TAG.matcher(inner).replaceAll("")));
        } else {
            blocks = group(BODY, inner).map(body -> paragraphs(decode(body))).orElse(List.of());
        }
        String byline = null;
        if (!blocks.isEmpty()) {
            Matcher by = WIRE_BYLINE.matcher(blocks.get(0).text());
            if (by.matches()) {
                byline = by.group(1).strip();
                blocks = blocks.subList(1, blocks.size());
            }
        }
        if (blocks.isEmpty()) {
            if (title == null) {
                throw new ExtractionException(source + ": record has neither title nor body text");
            }
            // A brief is a headline sent alone on the wire; its text is the headline.
            blocks = List.of(new Block(ParagraphKind.PARAGRAPH, title));
            warnings.add("headline only: the wire record carries no body, so the headline is its text");
        } else if (!dateline.isEmpty()) {
            List<Block> withDateline = new ArrayList<>(blocks);
            withDateline.set(0, new Block(ParagraphKind.PARAGRAPH, dateline + " " + blocks.get(0).text()));
            blocks = withDateline;
        }
        boolean derived = title == null;
        if (derived) {
            title = blocks.get(0).text().length() <= 160 ? blocks.get(0).text() : blocks.get(0).text().substring(0, 159) + "…";
            warnings.add(Warnings.DERIVED_HEADLINE);
        }
        Instant published = date(record);
        if (published == null) {
            warnings.add(Warnings.NO_DATE);
        }
        Optional<OutletRecognizer.Recognized> reuters = outlets.fromName("Reuters");
        return new ArticleDraft(source, null, reuters.map(OutletRecognizer.Recognized::name).orElse("Reuters"),
                reuters.map(OutletRecognizer.Recognized::domain).orElse(null), title, derived, null, byline,
                published, null, blocks, warnings.isEmpty() ? 0.9 : 0.7, warnings);
    }

    /** Indented lines start paragraphs; other lines continue the one before. The signature is dropped. */
    static List<Block> paragraphs(String body) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : body.split("\\R")) {
            boolean indented = line.startsWith(" ") || line.startsWith("\t");
            if ((indented || line.isBlank()) && !current.isEmpty()) {
                add(blocks, current.toString());
                current.setLength(0);
            }
            if (!line.isBlank()) {
                current.append(current.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        add(blocks, current.toString());
        if (!blocks.isEmpty()) {
            Block last = blocks.get(blocks.size() - 1);
            String unsigned = SIGNATURE.matcher(last.text()).replaceAll("").strip();
            blocks.remove(blocks.size() - 1);
            add(blocks, unsigned);
        }
        return blocks;
    }

    private static void add(List<Block> blocks, String text) {
        String normalised = text.replaceAll("\\s+", " ").strip();
        if (!normalised.isEmpty()) {
            blocks.add(new Block(ParagraphKind.PARAGRAPH, normalised));
        }
    }

    private static Instant date(String record) {
        Matcher m = DATE.matcher(record);
        if (!m.find()) {
            return null;
        }
        try {
            // The corpus gives no time zone; the wire's timestamps are read as UTC.
            return LocalDateTime.parse(m.group(1), DATE_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String oneLine(String text) {
        return decode(text).replaceAll("\\s+", " ").strip();
    }

    /** SGML character references: the named few the corpus uses, and numeric ones (control codes and invalid ones dropped). */
    static String decode(String text) {
        Matcher m = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int code = m.group(1).length() > 7 ? -1 : Integer.parseInt(m.group(1));
            boolean printable = code == 9 || code == 10 || code >= 32 && Character.isValidCodePoint(code);
            String replacement = printable ? new String(Character.toChars(code)) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
