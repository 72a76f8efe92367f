package org.parallax.ingest.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.parallax.core.article.RawDocument;
import org.parallax.ingest.extract.BoundedLines;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.ExtractionResult;
import org.parallax.ingest.extract.IngestLimits;
import org.parallax.ingest.extract.Input;
import org.parallax.ingest.extract.Sizes;
import org.parallax.ingest.text.OutletRecognizer;
import org.parallax.ingest.text.TextDecoding;

/**
 * Reads articles from JSON (one article object, or an array of them, read whole within the document
 * limit) and from JSON Lines (one object per line, streamed: memory holds one line at a time). Field
 * mapping: {@link JsonArticleMapping}. A malformed line is reported and the lines after it still read.
 * JSON should be UTF-8 (RFC 8259), but files saved by Windows tools arrive as UTF-16, with or without a
 * byte-order mark: both are read, and the raw document records the encoding.
 */
public final class JsonArticleReader {

    /** Articles are flat; deeper nesting than this is an attack or not an article. */
    private static final int MAX_NESTING = 64;
    /** Bytes looked at to tell a JSON Lines file's encoding. */
    private static final int HEAD = 8192;

    private final JsonArticleMapping mapping;
    private final IngestLimits limits;
    private final ObjectMapper json;

    public JsonArticleReader(OutletRecognizer outlets, IngestLimits limits) {
        this.mapping = new JsonArticleMapping(outlets);
        this.limits = limits;
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build());
    }

    /** A JSON document: one article object or an array of article objects. */
    public void readDocument(String name, byte[] bytes, Consumer<ExtractionResult> sink) throws ExtractionException {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            throw new ExtractionException(name + ": malformed JSON (" + firstLine(e) + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ExtractionException(name + ": no JSON value");
        }
        // Jackson tells UTF-16 from UTF-8 itself; the record of the raw document needs the name.
        RawDocument raw = new RawDocument(bytes, "application/json", charset(TextDecoding.unicodeStart(bytes)).name(), name);
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new ExtractionException(name + ": an empty JSON array, no articles");
            }
            int index = 0;
            for (JsonNode item : root) {
                emit(name + "[" + index++ + "]", raw, item, sink);
            }
        } else if (root.isObject()) {
            emit(name, raw, root, sink);
        } else {
            throw new ExtractionException(name + ": JSON that is neither an article object nor an array of them");
        }
    }

    /** JSON Lines, streamed. */
    public void readLines(Input input, Consumer<ExtractionResult> sink) throws ExtractionException {
        String name = input.name();
        try (InputStream in = new BufferedInputStream(input.open(), 64 * 1024)) {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            TextDecoding.UnicodeStart unicode = TextDecoding.unicodeStart(head);
            Charset charset = charset(unicode);
            in.skipNBytes(unicode == null ? 0 : unicode.bomLength());
            BoundedLines lines = new BoundedLines(in, limits.maxRecordBytes(), charset);
            // Jackson reads UTF-8 bytes as they are; lines in any other encoding are decoded first.
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
                String source = name + " line " + line.number();
                if (line.tooLong()) {
                    sink.accept(ExtractionResult.failed(source, source + ": over the "
                            + Sizes.describe(limits.maxRecordBytes()) + " limit for one record"));
                    continue;
                }
                String text = utf8 ? null : new String(line.bytes(), charset);
                if (utf8 ? isBlank(line.bytes()) : text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = utf8 ? json.readTree(line.bytes()) : json.readTree(text);
                } catch (JacksonException e) {
                    sink.accept(ExtractionResult.failed(source, source + ": malformed JSON (" + firstLine(e) + ")"));
                    continue;
                }
                emit(source, new RawDocument(line.bytes(), "application/jsonl", charset.name(), source), node, sink);
            }
        } catch (IOException e) {
            throw new ExtractionException(name + ": cannot read (" + firstLine(e) + ")", e);
        }
    }

    private static Charset charset(TextDecoding.UnicodeStart unicode) {
        return unicode == null ? StandardCharsets.UTF_8 : unicode.charset();
    }

    private void emit(String source, RawDocument raw, JsonNode node, Consumer<ExtractionResult> sink) {
        try {
            sink.accept(ExtractionResult.ok(raw, mapping.map(source, node)));
        } catch (ExtractionException e) {
            sink.accept(ExtractionResult.failed(source, e.getMessage()));
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
