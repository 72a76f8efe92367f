package org.parallax.app.story;

import java.util.List;

/** The side-by-side page: 2-4 articles of one story, their aligned paragraphs on shared rows. */
public record CompareView(
        long storyId,
        String storyTitle,
        List<Column> columns,
        List<Row> rows,
        boolean separate,
        String permalink,
        String togetherHref,
        String separateHref,
        List<Option> addable) {

    public record Column(
            int index,
            StoryData.Member article,
            String moveLeftHref,
            String moveRightHref,
            String removeHref,
            List<Long> before,
            List<Long> after,
            List<Option> replacements,
            List<Marked.Paragraph> paragraphs) {

        public int number() {
            return index + 1;
        }
    }

    public record Row(int number, List<Cell> cells) {
    }

    /** One column's paragraphs on one row; empty when the article has nothing there. */
    public record Cell(Column column, List<Marked.Paragraph> paragraphs) {
        public boolean isEmpty() {
            return paragraphs.isEmpty();
        }
    }

    /** An article that can take a column's place. */
    public record Option(long id, String label) {
    }

    public int columnCount() {
        return columns.size();
    }

    public boolean canAdd() {
        return columns.size() < 4 && !addable.isEmpty();
    }

    public String idList() {
        return String.join(",", columns.stream().map(c -> String.valueOf(c.article().id())).toList());
    }

    public String syncParameter() {
        return separate ? "off" : "";
    }
}
