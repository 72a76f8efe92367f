package org.parallax.app.annotation;

import java.util.List;
import org.parallax.core.annotation.AnnotationData;

/**
 * An annotation as a page shows it: its data, its note as safe HTML, its replies, whether it is yours, and
 * the article whose text it is highlighted on (its own, or for "see it everywhere" the aligned article).
 */
public record AnnotationView(AnnotationData data, String noteHtml, boolean mine, List<AnnotationView> replies,
                             long onArticle) {

    public static AnnotationView of(AnnotationData data, String viewerName, List<AnnotationView> replies) {
        return new AnnotationView(data, NoteRenderer.html(data.note()), data.author().equals(viewerName), replies,
                data.articleId());
    }

    /** The same annotation offered on an aligned passage of {@code articleId}. */
    public static AnnotationView linked(AnnotationData data, String viewerName, long articleId) {
        return new AnnotationView(data, NoteRenderer.html(data.note()), data.author().equals(viewerName), List.of(),
                articleId);
    }

    public String tagsText() {
        return String.join(", ", data.tags());
    }

    /** Where to highlight on the page: the annotation's own span, or the aligned passage it is offered on. */
    public int start() {
        return data.counterpartOf() == null ? data.quote().start() : data.counterpartOf().start();
    }

    public int end() {
        return data.counterpartOf() == null ? data.quote().end() : data.counterpartOf().end();
    }
}
