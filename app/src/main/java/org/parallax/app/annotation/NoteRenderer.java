package org.parallax.app.annotation;

import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Notes are Markdown, rendered to a safe subset of HTML: paragraphs, emphasis, code, lists, quotes and
 * links. Raw HTML in a note is escaped (it shows as text), link targets other than http, https and mailto
 * are dropped, images become their alt text (no tracking pixels), and links never carry the referrer.
 */
public final class NoteRenderer {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .softbreak("<br>")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    private NoteRenderer() {
    }

    /** HTML for a note; empty for none. Safe to insert unescaped. */
    public static String html(String note) {
        if (note == null || note.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(note);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text text) {
                        alt.append(text.getLiteral());
                    }
                }
                image.insertAfter(new Text(alt.toString()));
                image.unlink();
            }
        });
        return RENDERER.render(document);
    }

    /** Only absolute http(s) and mailto URLs survive; everything else (javascript:, data:, relative) is dropped. */
    static final class SafeUrls implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            String cleaned = url == null ? "" : url.replaceAll("[\\p{Cntrl}\\s]", "");
            String lower = cleaned.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
                return cleaned;
            }
            return "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }
}
