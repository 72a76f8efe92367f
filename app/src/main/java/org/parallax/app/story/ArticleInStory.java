package org.parallax.app.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article's place in its story, for the reader: its paragraphs with the passages other outlets share
 * (and how closely) or that only it carries, each with links to the counterparts side by side.
 */
public record ArticleInStory(long storyId, String storyTitle, int articleCount, int shared, int unique,
                             List<Marked.Paragraph> paragraphs) {

    public static ArticleInStory of(StoryData story, long articleId) {
        StoryData.Member article = story.member(articleId).orElseThrow();
        Map<Long, StoryData.Member> byId = story.membersById();
        List<PassageMarker.Mark> marks = new ArrayList<>();
        for (StoryData.Link link : story.links()) {
            if (link.involves(articleId)) {
                long other = link.other(articleId);
                marks.add(new PassageMarker.Mark(link.start(articleId), link.end(articleId), link.kind().dbValue(),
                        other + ":" + link.start(other), List.of(),
                        byId.get(other).outletLabel() + " (" + link.kind().dbValue() + ")"));
            }
        }
        for (StoryData.Span span : story.unique()) {
            if (span.article() == articleId) {
                marks.add(new PassageMarker.Mark(span.start(), span.end(), "unique", null, List.of(), null));
            }
        }
        List<Marked.Passage> passages = new ArrayList<>();
        int shared = 0;
        int unique = 0;
        for (PassageMarker.Merged m : PassageMarker.merge(marks)) {
            boolean isUnique = "unique".equals(m.kind());
            if (isUnique) {
                unique++;
            } else {
                shared++;
            }
            // One jump per other article: to both side by side, scrolled to the counterpart.
            Map<Long, Marked.Jump> jumps = new LinkedHashMap<>();
            for (String key : m.counterparts()) {
                long other = Long.parseLong(key.substring(0, key.indexOf(':')));
                String outlet = byId.get(other).outletLabel();
                jumps.computeIfAbsent(other, o -> new Marked.Jump("/stories/" + story.id() + "/compare?articles="
                        + articleId + "," + other + "#a" + articleId + "-p" + blockStart(article, m.start()),
                        "⇄ " + CompareBuilder.shortName(outlet), "Compare with " + outlet));
            }
            String description = isUnique ? "Only this article carries this passage"
                    : "Also in " + String.join(", ", m.about());
            passages.add(new Marked.Passage(articleId, "s" + m.start(), m.start(), m.end(), m.kind(), description,
                    List.of(), List.copyOf(jumps.values())));
        }
        return new ArticleInStory(story.id(), story.title(), story.articles().size(), shared, unique,
                PassageMarker.paragraphs(article, passages, p -> List.of()));
    }

    private static int blockStart(StoryData.Member article, int offset) {
        int start = 0;
        for (StoryData.Block block : article.blocks()) {
            if (block.start() <= offset) {
                start = block.start();
            }
        }
        return start;
    }
}
