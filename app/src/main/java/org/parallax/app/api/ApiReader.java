package org.parallax.app.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parallax.core.alignment.DiffOp;
import org.parallax.core.alignment.PassageLink;
import org.parallax.core.alignment.UniquePassage;
import org.parallax.core.article.Article;
import org.parallax.core.quote.Quote;
import org.parallax.core.quote.QuoteGroup;
import org.parallax.core.story.Story;
import org.parallax.core.story.StoryService;

/** Read-only queries behind the JSON API; entities are mapped to DTOs inside the transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApiReader {

    private final StoryService stories;

    public ApiReader(StoryService stories) {
        this.stories = stories;
    }

    public ApiDtos.StoryPage stories(int page, int size) {
        List<ApiDtos.StorySummary> summaries = stories.page(page, size).stream()
                .map(story -> new ApiDtos.StorySummary(story.id, story.title, story.firstPublished,
                        story.lastPublished, story.articleCount, story.outletCount, articles(story.id)))
                .toList();
        return new ApiDtos.StoryPage(page, size, stories.count(), summaries);
    }

    public Optional<ApiDtos.StoryDetail> story(long id) {
        return stories.find(id).map(story -> new ApiDtos.StoryDetail(story.id, story.title, story.firstPublished,
                story.lastPublished, story.articleCount, story.outletCount, articles(story.id),
                stories.related(story.id).stream()
                        .map(related -> new ApiDtos.RelatedStory(related.story().id, related.story().title,
                                related.story().firstPublished, related.story().lastPublished, related.score()))
                        .toList()));
    }

    public Optional<ApiDtos.Alignment> alignment(long storyId) {
        Optional<Story> story = stories.find(storyId);
        if (story.isEmpty()) {
            return Optional.empty();
        }
        List<Article> members = stories.articles(storyId);
        Map<Long, String> bodies = new HashMap<>();
        members.forEach(article -> bodies.put(article.id, article.body));
        List<ApiDtos.Link> links = PassageLink.ofStory(storyId).stream().map(link -> new ApiDtos.Link(
                        span(bodies, link.articleA, link.aStart, link.aEnd),
                        span(bodies, link.articleB, link.bStart, link.bEnd),
                        link.kind, link.score,
                        link.toMatch().diff().stream().map(op -> difference(link, op)).toList()))
                .toList();
        List<ApiDtos.Span> unique = UniquePassage.ofStory(storyId).stream()
                .map(passage -> span(bodies, passage.articleId, passage.start, passage.end))
                .toList();
        Map<Long, List<ApiDtos.QuoteMember>> byGroup = new LinkedHashMap<>();
        for (Quote quote : Quote.ofArticles(List.copyOf(bodies.keySet()))) {
            if (quote.groupId != null) {
                byGroup.computeIfAbsent(quote.groupId, k -> new ArrayList<>()).add(
                        new ApiDtos.QuoteMember(quote.articleId, quote.start, quote.end, quote.text, quote.speaker));
            }
        }
        List<ApiDtos.QuoteGroup> quotes = QuoteGroup.<QuoteGroup>list("storyId = ?1 order by id", storyId).stream()
                .filter(group -> byGroup.containsKey(group.id))
                .map(group -> new ApiDtos.QuoteGroup(group.id, group.speaker, byGroup.get(group.id)))
                .sorted(Comparator.comparingInt((ApiDtos.QuoteGroup group) -> -group.members().size()))
                .toList();
        return Optional.of(new ApiDtos.Alignment(storyId, links, unique, quotes));
    }

    public Optional<ApiDtos.Article> article(long id) {
        return Article.<Article>findByIdOptional(id).map(a -> new ApiDtos.Article(a.id, a.headline, a.headlineDerived,
                a.dek, a.byline, a.outletName(), a.publishedAt, a.language, a.url, source(a),
                a.story == null ? null : a.story.id, a.wordCount, a.body,
                a.paragraphs.stream()
                        .map(p -> new ApiDtos.Paragraph(p.ordinal, p.kind.dbValue(), p.start, p.end, p.text))
                        .toList(), a.updatedAt));
    }

    private List<ApiDtos.StoryArticle> articles(long storyId) {
        return stories.articles(storyId).stream()
                .map(a -> new ApiDtos.StoryArticle(a.id, a.outletName(), a.headline, a.publishedAt, source(a)))
                .toList();
    }

    private static String source(Article article) {
        return article.url != null ? article.url : article.sourceDocument.origin;
    }

    private static ApiDtos.Span span(Map<Long, String> bodies, long article, int start, int end) {
        return new ApiDtos.Span(article, start, end, bodies.get(article).substring(start, end));
    }

    private static ApiDtos.Difference difference(PassageLink link, DiffOp op) {
        return new ApiDtos.Difference(op.type().name().toLowerCase(java.util.Locale.ROOT),
                new ApiDtos.Span(link.articleA, op.aStart(), op.aEnd(), op.a()),
                new ApiDtos.Span(link.articleB, op.bStart(), op.bEnd(), op.b()));
    }
}
