package org.parallax.core.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link StoryIndex} in memory, for benchmarks and tests of the grouping itself. Not thread-safe. */
public final class InMemoryStoryIndex implements StoryIndex {

    private record Posting(long articleId, double weight) {
    }

    private final Map<String, Integer> frequencies = new HashMap<>();
    private final Map<String, List<Posting>> postings = new HashMap<>();
    private final Map<Long, IndexedArticle> articles = new HashMap<>();
    private final Map<Long, Set<Long>> members = new HashMap<>();
    private long nextStory = 1;

    @Override
    public int articleCount() {
        return articles.size();
    }

    @Override
    public Map<String, Integer> documentFrequencies(Collection<String> features) {
        Map<String, Integer> result = new HashMap<>();
        for (String feature : features) {
            Integer count = frequencies.get(feature);
            if (count != null) {
                result.put(feature, count);
            }
        }
        return result;
    }

    @Override
    public List<Neighbour> neighbours(Map<String, Double> query, Collection<String> quoteShingles, int limit) {
        Map<Long, Double> dots = new HashMap<>();
        Map<Long, Integer> quotes = new HashMap<>();
        for (Map.Entry<String, Double> entry : query.entrySet()) {
            for (Posting posting : postings.getOrDefault(entry.getKey(), List.of())) {
                dots.merge(posting.articleId, posting.weight * entry.getValue(), Double::sum);
            }
        }
        for (String shingle : quoteShingles) {
            for (Posting posting : postings.getOrDefault(shingle, List.of())) {
                quotes.merge(posting.articleId, 1, Integer::sum);
                dots.putIfAbsent(posting.articleId, 0.0);
            }
        }
        return dots.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .limit(limit)
                .map(e -> {
                    IndexedArticle article = articles.get(e.getKey());
                    return new Neighbour(e.getKey(), article.storyId(), article.publishedAt(), e.getValue(),
                            quotes.getOrDefault(e.getKey(), 0), article.linkedTo(), article.linkSimilarity());
                })
                .toList();
    }

    @Override
    public Map<Long, Map<String, Double>> vectors(Collection<Long> articleIds) {
        Map<Long, Map<String, Double>> result = new HashMap<>();
        for (long id : articleIds) {
            result.put(id, articles.get(id).vector());
        }
        return result;
    }

    @Override
    public Map<Long, Collection<String>> quoteShingles(Collection<Long> articleIds) {
        Map<Long, Collection<String>> result = new HashMap<>();
        for (long id : articleIds) {
            result.put(id, articles.get(id).quoteShingles());
        }
        return result;
    }

    /**
     * Takes an article out, as deleting its row does in PostgreSQL: its membership goes, and the articles
     * linked to it are left without a link. Its features still count in the document frequencies.
     */
    public void remove(long articleId) {
        IndexedArticle removed = articles.remove(articleId);
        members.get(removed.storyId()).remove(articleId);
        if (members.get(removed.storyId()).isEmpty()) {
            members.remove(removed.storyId());
        }
        postings.values().forEach(list -> list.removeIf(posting -> posting.articleId == articleId));
        articles.replaceAll((id, article) -> Long.valueOf(articleId).equals(article.linkedTo())
                ? article.withLink(null, 0) : article);
    }

    @Override
    public void add(IndexedArticle article, Collection<String> features, int postingCount) {
        for (String feature : features) {
            frequencies.merge(feature, 1, Integer::sum);
        }
        int indexed = 0;
        for (Map.Entry<String, Double> entry : article.vector().entrySet()) {
            if (indexed++ == postingCount) {
                break;
            }
            postings.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                    .add(new Posting(article.articleId(), entry.getValue()));
        }
        for (String shingle : article.quoteShingles()) {
            postings.computeIfAbsent(shingle, k -> new ArrayList<>()).add(new Posting(article.articleId(), 0));
        }
        articles.put(article.articleId(), article);
        members.computeIfAbsent(article.storyId(), k -> new LinkedHashSet<>()).add(article.articleId());
    }

    @Override
    public void relink(long articleId, Long linkedTo, double similarity) {
        articles.put(articleId, articles.get(articleId).withLink(linkedTo, similarity));
    }

    @Override
    public List<IndexedArticle> members(long storyId) {
        return members.getOrDefault(storyId, Set.of()).stream().map(articles::get).toList();
    }

    @Override
    public void move(Collection<Long> articleIds, long storyId) {
        for (long id : articleIds) {
            IndexedArticle a = articles.get(id);
            members.get(a.storyId()).remove(id);
            if (members.get(a.storyId()).isEmpty()) {
                members.remove(a.storyId());
            }
            members.computeIfAbsent(storyId, k -> new LinkedHashSet<>()).add(id);
            articles.put(id, a.withStory(storyId));
        }
    }

    @Override
    public void pin(Collection<Long> articleIds, Long pin) {
        for (long id : articleIds) {
            articles.put(id, articles.get(id).withPin(pin));
        }
    }

    @Override
    public long newStory() {
        return nextStory++;
    }

    public long storyOf(long articleId) {
        return articles.get(articleId).storyId();
    }

    /** Article id to story id, for every indexed article. */
    public Map<Long, Long> assignments() {
        Map<Long, Long> result = new HashMap<>();
        articles.forEach((id, article) -> result.put(id, article.storyId()));
        return result;
    }
}
