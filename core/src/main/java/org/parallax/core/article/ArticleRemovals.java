package org.parallax.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.parallax.core.text.ControlCharacters;

/**
 * Editors remove what should never have been stored as an article. The article goes with everything derived
 * from it (paragraphs, quotes, alignment, search entry); a {@code removed_article} row keeps who removed it,
 * why, and its bodies and address, so ingest skips the same input when it comes again. An article readers
 * have annotated is not removed: their notes would go with it.
 */
@ApplicationScoped
@Transactional
public class ArticleRemovals {

    static final int MAX_REASON = 500;

    /** What was removed, for the confirmation. */
    public record Removed(long articleId, String headline, Long storyId) {
    }

    /** A removal kept for the record. */
    public record Removal(long articleId, String headline, String outlet, String url, String reason, String editor,
                          Instant at) {
    }

    /** The removal is refused; the message says why in words an editor understands. Nothing was changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final EntityManager em;
    private final Event<ArticleRemoved> removed;
    private final Event<ArticleEditing> editing;

    public ArticleRemovals(EntityManager em, Event<ArticleRemoved> removed, Event<ArticleEditing> editing) {
        this.em = em;
        this.removed = removed;
        this.editing = editing;
    }

    /**
     * @throws Refused without a reason, or when readers annotated the article
     * @throws NoSuchElementException when there is no such article
     */
    public Removed remove(long articleId, long editorId, String reason) {
        String why = reason(reason);
        editing.fire(new ArticleEditing(articleId));
        // FOR UPDATE, not the FOR NO KEY UPDATE that PESSIMISTIC_WRITE gives on PostgreSQL: only FOR UPDATE
        // conflicts with the key-share lock an annotation insert takes on its article. With the weaker lock an
        // annotation saved while this runs is not counted below, and the delete then cascades it away unseen.
        // Now such an insert either commits first (and is counted) or waits and fails on the deleted article.
        if (em.createNativeQuery("select id from article where id = ?1 for update").setParameter(1, articleId)
                .getResultList().isEmpty()) {
            throw new NoSuchElementException("No article " + articleId);
        }
        Article article = em.find(Article.class, articleId);
        long annotations = ((Number) em.createNativeQuery("select count(*) from annotation where article_id = ?1")
                .setParameter(1, articleId).getSingleResult()).longValue();
        if (annotations > 0) {
            throw new Refused(annotations == 1
                    ? "A reader annotated this article; removing it would delete that note. Correct its details instead."
                    : annotations + " annotations are on this article; removing it would delete them. Correct its details instead.");
        }
        Long storyId = article.story == null ? null : article.story.id;
        // The current body and every earlier revision's: any of them ingested again would bring the article back.
        em.createNativeQuery("""
                        insert into removed_article (article_id, headline, outlet, url, source_document_id, content_hashes,
                                                     reason, user_id, story_id)
                        select a.id, a.headline, o.name, a.url, a.source_document_id,
                               array[a.content_hash] || coalesce((select array_agg(r.content_hash)
                                                                  from article_revision r where r.article_id = a.id),
                                                                 '{}'),
                               ?2, ?3, a.story_id
                        from article a left join outlet o on o.id = a.outlet_id where a.id = ?1""")
                .setParameter(1, articleId).setParameter(2, why).setParameter(3, editorId).executeUpdate();
        // Deleting the article clears these links; its story regroups around the gap (StoryService).
        @SuppressWarnings("unchecked")
        List<Long> linkedToIt = ((List<Number>) em.createNativeQuery(
                        "select article_id from story_member where linked_to = ?1 order by article_id")
                .setParameter(1, articleId).getResultList()).stream().map(Number::longValue).toList();
        String headline = article.headline;
        em.remove(article);
        em.flush();
        removed.fire(new ArticleRemoved(articleId, storyId, linkedToIt));
        return new Removed(articleId, headline, storyId);
    }

    /** The removal of this article, if it was removed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Removal> removals(long articleId) {
        return removalsWhere("r.article_id", articleId);
    }

    /** The removals of articles that belonged to this story, the latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Removal> removalsFromStory(long storyId) {
        return removalsWhere("r.story_id", storyId);
    }

    private List<Removal> removalsWhere(String column, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select r.article_id, r.headline, r.outlet, r.url, r.reason, u.username, r.removed_at
                        from removed_article r left join app_user u on u.id = r.user_id
                        where %s = ?1 order by r.removed_at desc, r.id desc""".formatted(column))
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Removal(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (Instant) r[6])).toList();
    }

    private static String reason(String reason) {
        if (reason != null && ControlCharacters.present(reason)) {
            throw new Refused("The reason holds control characters; type it again without them.");
        }
        String cleaned = reason == null ? "" : Normalizer.normalize(reason, Normalizer.Form.NFC).strip();
        if (cleaned.isEmpty()) {
            throw new Refused("Say why the article is removed (for example: not an article, the site's index page).");
        }
        if (cleaned.length() > MAX_REASON) {
            throw new Refused("The reason is " + cleaned.length() + " characters long; at most " + MAX_REASON + " are kept.");
        }
        return cleaned;
    }
}
