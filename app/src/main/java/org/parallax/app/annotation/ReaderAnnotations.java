package org.parallax.app.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.annotation.AnnotationData;
import org.parallax.core.annotation.AnnotationService;
import org.parallax.core.annotation.AnnotationsConfig;

/** The annotation panel of the reader page: what this viewer may see on this article, and nothing else. */
@ApplicationScoped
public class ReaderAnnotations {

    private final AnnotationService annotations;
    private final AnnotationsConfig config;

    public ReaderAnnotations(AnnotationService annotations, AnnotationsConfig config) {
        this.annotations = annotations;
        this.config = config;
    }

    /** What the panel shows. {@code loggedIn} false with the private policy: only the invitation to log in. */
    public record Panel(long articleId, boolean loggedIn, List<AnnotationView> anchored, List<AnnotationView> orphaned,
                        List<AnnotationView> linked, ReplyProblem replyProblem) {

        public Panel(long articleId, boolean loggedIn, List<AnnotationView> anchored, List<AnnotationView> orphaned,
                     List<AnnotationView> linked) {
            this(articleId, loggedIn, anchored, orphaned, linked, null);
        }

        /** The panel with a refused reply explained at the annotation it answered. */
        public Panel withReplyProblem(ReplyProblem problem) {
            return new Panel(articleId, loggedIn, anchored, orphaned, linked, problem);
        }

        /** Why a reply to this annotation was just refused, or null. */
        public String replyProblemFor(long annotationId) {
            return replyProblem != null && replyProblem.annotationId() == annotationId ? replyProblem.message() : null;
        }

        public boolean isEmpty() {
            return anchored.isEmpty() && orphaned.isEmpty() && linked.isEmpty();
        }

        /** Whether a page that can do without it (the compare view) shows the panel: not to visitors with nothing to see. */
        public boolean isShown() {
            return loggedIn || !isEmpty();
        }
    }

    /**
     * The panel of the compare view: the annotations on each column's article, and the ones offered on each
     * column from aligned passages of other articles (an annotation on one column is thus also drawn on its
     * counterparts in the others).
     */
    /** A reply that was not saved: to which annotation, and why, in words the page chose. */
    public record ReplyProblem(long annotationId, String message) {
    }

    public Panel comparePanel(Long viewer, String viewerName, List<Long> articleIds) {
        List<AnnotationView> anchored = new ArrayList<>();
        List<AnnotationView> orphaned = new ArrayList<>();
        List<AnnotationView> linked = new ArrayList<>();
        boolean loggedIn = viewer != null;
        for (long articleId : articleIds) {
            Panel one = panel(viewer, viewerName, articleId);
            anchored.addAll(one.anchored());
            orphaned.addAll(one.orphaned());
            linked.addAll(one.linked());
        }
        return new Panel(articleIds.isEmpty() ? 0 : articleIds.get(0), loggedIn, anchored, orphaned, linked);
    }

    public Panel panel(Long viewer, String viewerName, long articleId) {
        boolean shown = viewer != null || config.sharedVisibility() == AnnotationsConfig.SharedVisibility.PUBLIC;
        if (!shown) {
            return new Panel(articleId, false, List.of(), List.of(), List.of());
        }
        String name = viewerName == null ? "" : viewerName;
        List<AnnotationData> all = annotations.onArticle(viewer, articleId);
        Map<Long, List<AnnotationView>> replies = new LinkedHashMap<>();
        for (AnnotationData a : all) {
            if (a.isReply()) {
                replies.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(AnnotationView.of(a, name, List.of()));
            }
        }
        List<AnnotationView> anchored = new ArrayList<>();
        List<AnnotationView> orphaned = new ArrayList<>();
        for (AnnotationData a : all) {
            if (a.isReply()) {
                continue;
            }
            AnnotationView view = AnnotationView.of(a, name, replies.getOrDefault(a.id(), List.of()));
            (a.isOrphaned() ? orphaned : anchored).add(view);
        }
        anchored.sort(java.util.Comparator.comparingInt(AnnotationView::start));
        List<AnnotationView> linked = annotations.counterparts(viewer, articleId).stream()
                .map(a -> AnnotationView.linked(a, name, articleId)).toList();
        return new Panel(articleId, viewer != null, anchored, orphaned, linked);
    }
}
