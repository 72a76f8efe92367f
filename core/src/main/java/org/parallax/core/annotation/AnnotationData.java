package org.parallax.core.annotation;

import java.time.Instant;
import java.util.List;

/**
 * One annotation as pages and the API show it, read inside the transaction so nothing lazy escapes.
 *
 * @param counterpartOf for an annotation offered on an aligned passage of another article ("annotate once,
 *                      see it everywhere"): where it was written; null for an annotation on this article
 */
public record AnnotationData(
        long id,
        String author,
        long articleId,
        String articleHeadline,
        String outlet,
        String articleUrl,
        Long storyId,
        String storyTitle,
        Long parentId,
        TextQuote quote,
        String note,
        List<String> tags,
        String visibility,
        String anchorState,
        String anchorNote,
        int version,
        Instant created,
        Instant updated,
        Instant deleted,
        Counterpart counterpartOf) {

    /** The passage of this article aligned with the annotated one, and the article it was annotated on. */
    public record Counterpart(long articleId, String outlet, int start, int end, String linkKind) {
    }

    public boolean isShared() {
        return Annotation.SHARED.equals(visibility);
    }

    public boolean isOrphaned() {
        return Annotation.ORPHANED.equals(anchorState);
    }

    public boolean isReply() {
        return parentId != null;
    }

    public boolean isDeleted() {
        return deleted != null;
    }

    AnnotationData asCounterpart(Counterpart counterpart) {
        return new AnnotationData(id, author, articleId, articleHeadline, outlet, articleUrl, storyId, storyTitle,
                parentId, quote, note, tags, visibility, anchorState, anchorNote, version, created, updated, deleted,
                counterpart);
    }
}
