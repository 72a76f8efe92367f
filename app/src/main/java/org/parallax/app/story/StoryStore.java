package org.parallax.app.story;

import static org.parallax.app.web.SqlValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parallax.core.alignment.PassageLink;
import org.parallax.core.alignment.PassageMatch;
import org.parallax.core.alignment.UniquePassage;
import org.parallax.core.article.Article;
import org.parallax.core.quote.Quote;
import org.parallax.core.quote.QuoteGroup;
import org.parallax.core.story.Story;

/**
 * Reads a story and its stored alignment into a {@link StoryData} snapshot. Nothing is aligned here: pages
 * show what ingest stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class StoryStore {

    private final EntityManager em;

    public StoryStore(EntityManager em) {
        this.em = em;
    }

    /** The story's current version, one cheap query; empty when there is no such story with articles. */
    public Optional<StoryData.StoryVersion> version(long storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.updated_at, s.article_count, (select max(a.updated_at) from article a where a.story_id = s.id)
                        from story s where s.id = ?1 and s.article_count > 0""")
                .setParameter(1, storyId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new StoryData.StoryVersion(instant(row[0]), ((Number) row[1]).intValue(), instant(row[2])));
    }

    /**
     * The story this one was merged into, following later merges (at most 20), when it was merged and
     * the story it ended up in still has articles.
     */
    public Optional<Long> mergedInto(long storyId) {
        @SuppressWarnings("unchecked")
        List<Number> last = em.createNativeQuery("""
                        with recursive m(id, hops) as (
                            select merged_into, 1 from story where id = ?1 and merged_into is not null
                            union all
                            select s.merged_into, m.hops + 1 from story s join m on s.id = m.id
                            where s.merged_into is not null and m.hops < 20)
                        select id from m order by hops desc limit 1""")
                .setParameter(1, storyId).getResultList();
        return last.stream().map(Number::longValue).filter(id -> id != storyId && version(id).isPresent()).findFirst();
    }

    public Optional<StoryData> load(long storyId) {
        Optional<StoryData.StoryVersion> version = version(storyId);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Story story = Story.findById(storyId);
        List<Article> articles = Article.<Article>find("from Article a left join fetch a.outlet where a.story.id = ?1 "
                + "order by a.publishedAt asc nulls last, a.id", storyId).list();
        List<Long> ids = articles.stream().map(a -> a.id).toList();
        Map<Long, List<StoryData.Block>> blocks = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Object[]> rows = em.createQuery("select p.article.id, p.kind, p.start, p.end from Paragraph p "
                    + "where p.article.id in ?1 order by p.article.id, p.ordinal", Object[].class)
                    .setParameter(1, ids).getResultList();
            for (Object[] row : rows) {
                blocks.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(new StoryData.Block(
                        ((org.parallax.core.article.ParagraphKind) row[1]).dbValue(), (Integer) row[2], (Integer) row[3]));
            }
        }
        List<StoryData.Member> members = articles.stream().map(a -> new StoryData.Member(a.id, a.outletName(),
                a.headline, a.headlineDerived, a.dek, a.byline, a.publishedAt, a.confidence, List.copyOf(a.warnings),
                a.body, List.copyOf(blocks.getOrDefault(a.id, List.of())))).toList();
        List<StoryData.Link> links = PassageLink.ofStory(storyId).stream().map(PassageLink::toMatch)
                .map(StoryStore::link).toList();
        List<StoryData.Span> unique = UniquePassage.ofStory(storyId).stream()
                .map(u -> new StoryData.Span(u.articleId, u.start, u.end)).toList();
        return Optional.of(new StoryData(story.id, story.title, story.firstPublished, story.lastPublished,
                story.outletCount, version.get(), members, links, unique, quotes(storyId, ids)));
    }

    /** Stories on the same topic about other events, closest first. */
    public List<StoryOverview.Related> related(long storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.title, s.first_published, s.last_published from story_relation r
                        join story s on s.id = case when r.story_id = ?1 then r.related_story_id else r.story_id end
                        where (r.story_id = ?1 or r.related_story_id = ?1) and s.article_count > 0
                        order by r.score desc, s.id""")
                .setParameter(1, storyId).getResultList();
        return rows.stream().map(row -> new StoryOverview.Related(((Number) row[0]).longValue(), (String) row[1],
                instant(row[2]), instant(row[3]))).toList();
    }

    private static StoryData.Link link(PassageMatch m) {
        return new StoryData.Link(m.articleA(), m.aStart(), m.aEnd(), m.articleB(), m.bStart(), m.bEnd(), m.kind(),
                m.score(), m.diff());
    }

    private static List<StoryData.QuoteGroup> quotes(long storyId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StoryData.QuoteMember>> byGroup = new LinkedHashMap<>();
        for (Quote quote : Quote.ofArticles(ids)) {
            if (quote.groupId != null) {
                byGroup.computeIfAbsent(quote.groupId, k -> new ArrayList<>()).add(
                        new StoryData.QuoteMember(quote.articleId, quote.start, quote.end, quote.text, quote.speaker));
            }
        }
        return QuoteGroup.<QuoteGroup>list("storyId = ?1 order by id", storyId).stream()
                .filter(group -> byGroup.containsKey(group.id))
                .map(group -> new StoryData.QuoteGroup(group.id, group.speaker, List.copyOf(byGroup.get(group.id))))
                .sorted(Comparator.comparingInt((StoryData.QuoteGroup g) -> -g.members().size()))
                .toList();
    }
}
