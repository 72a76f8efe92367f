package org.parallax.core.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** How an article's stored body is laid out: paragraphs joined by one blank line, with offsets. */
public final class ArticleText {

    public static final String PARAGRAPH_SEPARATOR = "\n\n";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

    private ArticleText() {
    }

    /** A paragraph's place in the body. */
    public record Span(ParagraphKind kind, String text, int start, int end) {
    }

    public static List<Span> layout(List<ArticleDraft.Block> blocks) {
        List<Span> spans = new ArrayList<>(blocks.size());
        int offset = 0;
        for (ArticleDraft.Block block : blocks) {
            if (!spans.isEmpty()) {
                offset += PARAGRAPH_SEPARATOR.length();
            }
            spans.add(new Span(block.kind(), block.text(), offset, offset + block.text().length()));
            offset += block.text().length();
        }
        return spans;
    }

    public static String body(List<ArticleDraft.Block> blocks) {
        StringBuilder body = new StringBuilder();
        for (ArticleDraft.Block block : blocks) {
            if (!body.isEmpty()) {
                body.append(PARAGRAPH_SEPARATOR);
            }
            body.append(block.text());
        }
        return body.toString();
    }

    public static int wordCount(String text) {
        int count = 0;
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
