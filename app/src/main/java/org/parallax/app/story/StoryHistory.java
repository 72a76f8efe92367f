package org.parallax.app.story;

import static org.parallax.app.web.SqlValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * A story's history as readers see it at the foot of its page: who founded it, who joined, what was merged in
 * or split off, which articles editors removed and why, and whether the grouping or an editor did it. Read on
 * every request (like related stories): a merge or split elsewhere adds to it without changing this story's
 * articles.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoryHistory {

    /** Events shown; a story of a hundred wire copies has a hundred "joined" events. */
    static final int SHOWN = 50;

    /**
     * One change, newest first.
     *
     * @param articleId the article it names, null when none or since removed
     * @param otherStoryId the other story of a merge or split, null when none
     */
    public record Entry(Instant at, String what, String article, Long articleId, String after, Long otherStoryId,
                        String by) {
    }

    /** @param earlier changes older than the ones listed */
    public record Page(List<Entry> entries, long earlier) {
    }

    private final EntityManager em;

    public StoryHistory(EntityManager em) {
        this.em = em;
    }

    public Page of(long storyId) {
        @SuppressWarnings("unchecked")
        // Editors' removals are kept apart from story_event (removed_article), but belong to the story's history:
        // they explain the split that may follow them.
        List<Object[]> rows = em.createNativeQuery("""
                        select h.*, count(*) over () from (
                          select e.kind, e.created_at, e.actor, a.id, a.headline, o.name, e.other_story_id,
                                 s.merged_into is not distinct from e.other_story_id, cast(null as text), e.id
                          from story_event e join story s on s.id = e.story_id
                          left join article a on a.id = e.article_id left join outlet o on o.id = a.outlet_id
                          where e.story_id = ?1
                          union all
                          select 'removed', r.removed_at, coalesce(u.username, 'unknown'), null, r.headline, r.outlet,
                                 null, false, r.reason, r.id
                          from removed_article r left join app_user u on u.id = r.user_id
                          where r.story_id = ?1) h
                        order by 2 desc, 10 desc limit ?2""")
                .setParameter(1, storyId).setParameter(2, SHOWN).getResultList();
        List<Entry> entries = rows.stream().map(StoryHistory::entry).toList();
        long all = rows.isEmpty() ? 0 : ((Number) rows.get(0)[10]).longValue();
        return new Page(entries, all - entries.size());
    }

    private static Entry entry(Object[] row) {
        String kind = (String) row[0];
        Long articleId = row[3] == null ? null : ((Number) row[3]).longValue();
        String article = articleId == null ? null : named(row[4], row[5]);
        Long other = row[6] == null ? null : ((Number) row[6]).longValue();
        boolean mergedAway = Boolean.TRUE.equals(row[7]);
        String by = "system".equals(row[2]) ? "automatic grouping" : "editor " + row[2];
        // The sentence is split around the article's and the other story's links: what, article, after, story.
        return switch (kind) {
            case "founded" -> other != null
                    ? new Entry(instant(row[1]), "Founded with articles split off from", null, null, "", other, by)
                    : new Entry(instant(row[1]), "Founded with", article, articleId, "", null, by);
            case "joined" -> new Entry(instant(row[1]), articleId == null ? "An article since removed joined" : "",
                    article, articleId, articleId == null ? "" : "joined", null, by);
            case "merged" -> mergedAway
                    ? new Entry(instant(row[1]), "Merged into", null, null, "", other, by)
                    : new Entry(instant(row[1]), "Took in", null, null, "", other, by);
            case "split" -> new Entry(instant(row[1]), "Some of its articles moved to", null, null, "", other, by);
            case "removed" -> new Entry(instant(row[1]), named(row[4], row[5]) + " was removed: " + row[8], null, null,
                    "", null, "editor " + row[2]);
            default -> new Entry(instant(row[1]), "Retitled", null, null, "", null, by);
        };
    }

    /** “Headline” (Outlet), or without the outlet when it is unknown. */
    private static String named(Object headline, Object outlet) {
        return "“" + headline + "”" + (outlet == null ? "" : " (" + outlet + ")");
    }
}
