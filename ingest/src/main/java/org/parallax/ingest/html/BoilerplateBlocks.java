package org.parallax.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;

/**
 * Drops short lines that survive markup-based cleaning because nothing in the markup marks them:
 * newsletter prompts, "Advertisement" labels, skip links, share prompts. Only short paragraphs are
 * judged, and only on their whole text, so a sentence that merely mentions a newsletter stays.
 */
final class BoilerplateBlocks {

    private static final int MAX_CHARS = 160;
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:(?:sign up|subscribe|register)\\b.{0,100}\\b(?:newsletters?|inbox|e-?mails?|updates)\\b.{0,60}"
                    + "|(?:get|receive) (?:our|the) .{0,60}\\bnewsletters?\\b.{0,60}"
                    + "|advertisement|advertising|sponsored content|story continues below(?: advertisement)?"
                    + "|skip to (?:main )?(?:content|footer|navigation)|topics in this article"
                    + "|share (?:this|the) (?:article|story|post)(?: on .{1,30})?|share on (?:facebook|twitter|x|linkedin))$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private BoilerplateBlocks() {
    }

    static List<Block> strip(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block.kind() == ParagraphKind.PARAGRAPH && block.text().length() <= MAX_CHARS
                    && PROMPT.matcher(block.text().replaceAll("[.!:…]+$", "")).matches()) {
                continue;
            }
            kept.add(block);
        }
        return kept;
    }
}
