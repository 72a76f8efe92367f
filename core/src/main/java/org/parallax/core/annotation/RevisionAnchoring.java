package org.parallax.core.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.parallax.core.article.ArticleRevised;

/**
 * Re-anchors an article's annotations on its new revision, synchronously: inside the storing transaction,
 * so the new text and the annotations' new places commit together or not at all.
 */
@ApplicationScoped
public class RevisionAnchoring {

    private static final Logger LOG = Logger.getLogger(RevisionAnchoring.class);

    private final AnnotationService annotations;

    public RevisionAnchoring(AnnotationService annotations) {
        this.annotations = annotations;
    }

    void onRevised(@Observes ArticleRevised revised) {
        AnnotationService.ReanchorReport report = annotations.reanchor(revised.articleId(), revised.newBody());
        if (report.kept() + report.moved() + report.orphaned() > 0) {
            LOG.infof("article %d revision %d: annotations kept %d, moved %d, orphaned %d", revised.articleId(),
                    revised.revision(), report.kept(), report.moved(), report.orphaned());
        }
    }
}
