package org.parallax.app.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.parallax.core.article.Article;

/** Article text and W3C annotation bodies for the annotation tests. */
@ApplicationScoped
public class AnnotationFixtures {

    @Transactional
    public String body(long articleId) {
        return Article.<Article>findById(articleId).body;
    }

    /** A stored passage link from this article: {start, end, other article}, its highest-scoring one. */
    @Transactional
    @SuppressWarnings("unchecked")
    public long[] linkFrom(long articleId) {
        List<Object[]> rows = Article.getEntityManager().createNativeQuery("""
                        select case when article_a = ?1 then a_start else b_start end,
                               case when article_a = ?1 then a_end else b_end end,
                               case when article_a = ?1 then article_b else article_a end
                        from passage_link where article_a = ?1 or article_b = ?1 order by score desc, id limit 1""")
                .setParameter(1, articleId).getResultList();
        if (rows.isEmpty()) {
            throw new AssertionError("article " + articleId + " has no aligned passage");
        }
        Object[] row = rows.get(0);
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()};
    }

    /** The JSON-LD for a new annotation on {@code sentence}, the first place it occurs in the article. */
    public Map<String, Object> annotationOn(long articleId, String sentence, String note, List<String> tags,
                                            String visibility) {
        String body = body(articleId);
        int start = body.indexOf(sentence);
        if (start < 0) {
            throw new AssertionError("article " + articleId + " does not contain: " + sentence);
        }
        return annotationAt(articleId, sentence, start, note, tags, visibility);
    }

    public static Map<String, Object> annotationAt(long articleId, String exact, int start, String note,
                                                   List<String> tags, String visibility) {
        java.util.List<Object> bodies = new java.util.ArrayList<>();
        if (note != null) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "commenting", "value", note));
        }
        for (String tag : tags) {
            bodies.add(Map.of("type", "TextualBody", "purpose", "tagging", "value", tag));
        }
        return Map.of(
                "@context", "http://www.w3.org/ns/anno.jsonld",
                "type", "Annotation",
                "body", bodies,
                "visibility", visibility,
                "target", Map.of("source", "http://localhost/articles/" + articleId, "selector", List.of(
                        Map.of("type", "TextQuoteSelector", "exact", exact),
                        Map.of("type", "TextPositionSelector", "start", start, "end", start + exact.length()))));
    }
}
