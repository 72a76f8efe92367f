package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;

/**
 * Removes pull quotes: a short block quotation whose whole text reappears inside a nearby paragraph is
 * a typographic repeat, not more body text. The paragraph that carries the words is always kept.
 * Only quotations are judged: pages legitimately repeat a short paragraph (a refrain, a list entry).
 */
final class PullQuotes {

    private static final int MAX_WORDS = 40;
    private static final int MIN_CHARS = 20;
    /** How many blocks before and after a candidate are searched for the paragraph that carries it. */
    private static final int REACH = 12;

    private PullQuotes() {
    }

    static List<Block> strip(List<Block> blocks) {
        List<String> comparable = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            comparable.add(comparable(block.text()));
        }
        List<Block> kept = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            if (!isRepeat(blocks, comparable, i)) {
                kept.add(blocks.get(i));
            }
        }
        return kept;
    }

    private static boolean isRepeat(List<Block> blocks, List<String> comparable, int index) {
        Block block = blocks.get(index);
        String text = comparable.get(index);
        if (block.kind() != ParagraphKind.QUOTE || text.length() < MIN_CHARS || words(text) > MAX_WORDS) {
            return false;
        }
        for (int j = Math.max(0, index - REACH); j < Math.min(blocks.size(), index + REACH + 1); j++) {
            if (j != index && blocks.get(j).kind() == ParagraphKind.PARAGRAPH
                    && comparable.get(j).length() > text.length() && comparable.get(j).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, quotation marks and surrounding punctuation dropped, so “Quote.” matches "quote". */
    private static String comparable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\"'“”‘’«»„".indexOf(c) < 0) {
                out.append(c);
            }
        }
        String stripped = out.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return stripped.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    }

    private static int words(String text) {
        return text.isEmpty() ? 0 : text.split(" ").length;
    }
}
