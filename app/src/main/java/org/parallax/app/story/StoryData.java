package org.parallax.app.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parallax.core.alignment.DiffOp;
import org.parallax.core.alignment.LinkKind;

/**
 * Everything the story pages show of one story, read from the stored alignment at one version of the story.
 * Immutable, so one snapshot can serve many requests until the story changes.
 */
public record StoryData(
        long id,
        String title,
        Instant firstPublished,
        Instant lastPublished,
        int outletCount,
        StoryVersion version,
        List<Member> articles,
        List<Link> links,
        List<Span> unique,
        List<QuoteGroup> quotes,
        Map<String, String> renderedParts) {

    /** How many rendered parts (page bodies for different selections) one snapshot keeps at most. */
    private static final int MAX_RENDERED = 64;

    public StoryData(long id, String title, Instant firstPublished, Instant lastPublished, int outletCount,
                     StoryVersion version, List<Member> articles, List<Link> links, List<Span> unique,
                     List<QuoteGroup> quotes) {
        this(id, title, firstPublished, lastPublished, outletCount, version, articles, links, unique, quotes,
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * A part of a page rendered from this snapshot, rendered once and kept as long as the snapshot: a new
     * version of the story is a new snapshot, so nothing rendered from an old version is ever served.
     */
    public String rendered(String key, java.util.function.Supplier<String> render) {
        String cached = renderedParts.get(key);
        if (cached != null) {
            return cached;
        }
        String fresh = render.get();
        if (renderedParts.size() < MAX_RENDERED) {
            renderedParts.putIfAbsent(key, fresh);
        }
        return fresh;
    }

    /** What identifies one state of a story: any ingest that changes its articles or alignment changes it. */
    public record StoryVersion(Instant storyUpdatedAt, int articleCount, Instant articlesUpdatedAt) {
    }

    public record Member(
            long id,
            String outlet,
            String headline,
            boolean headlineDerived,
            String dek,
            String byline,
            Instant publishedAt,
            double confidence,
            List<String> warnings,
            String body,
            List<Block> blocks) {

        /** The outlet, or a label that still tells two unknown outlets apart. */
        public String outletLabel() {
            return outlet != null ? outlet : "Unknown outlet (article " + id + ")";
        }

        public int confidencePercent() {
            return (int) Math.round(confidence * 100);
        }
    }

    /** A paragraph with its offsets into the article's body. */
    public record Block(String kind, int start, int end) {
    }

    /** A stored passage link; side A and B as stored (article A has the lower id). */
    public record Link(long articleA, int aStart, int aEnd, long articleB, int bStart, int bEnd, LinkKind kind,
                       double score, List<DiffOp> diff) {

        public boolean involves(long article) {
            return articleA == article || articleB == article;
        }

        public long other(long article) {
            return article == articleA ? articleB : articleA;
        }

        public int start(long article) {
            return article == articleA ? aStart : bStart;
        }

        public int end(long article) {
            return article == articleA ? aEnd : bEnd;
        }
    }

    public record Span(long article, int start, int end) {
    }

    public record QuoteMember(long article, int start, int end, String text, String speaker) {
    }

    public record QuoteGroup(long id, String speaker, List<QuoteMember> members) {
    }

    public Optional<Member> member(long articleId) {
        return articles.stream().filter(a -> a.id() == articleId).findFirst();
    }

    public Map<Long, Member> membersById() {
        return articles.stream().collect(java.util.stream.Collectors.toMap(Member::id, m -> m));
    }
}
