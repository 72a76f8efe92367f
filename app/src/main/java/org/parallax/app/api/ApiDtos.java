package org.parallax.app.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the API. Offsets are character offsets into the article's {@code body}, end exclusive. */
public final class ApiDtos {

    private ApiDtos() {
    }

    @Schema(description = "One article of a story")
    public record StoryArticle(
            long id,
            @Schema(description = "Publisher, null when it could not be recognised") String outlet,
            String headline,
            Instant publishedAt,
            @Schema(description = "The article's URL, or the name of the ingested file") String source) {
    }

    @Schema(description = "A story: the coverage of one event by several outlets")
    public record StorySummary(
            long id,
            @Schema(description = "The most central headline") String title,
            Instant firstPublished,
            Instant lastPublished,
            int articleCount,
            int outletCount,
            List<StoryArticle> articles) {
    }

    @Schema(description = "A page of stories, most recently published first")
    public record StoryPage(int page, int size, long total, List<StorySummary> stories) {
    }

    @Schema(description = "Another story on the same topic about another event")
    public record RelatedStory(long id, String title, Instant firstPublished, Instant lastPublished,
            @Schema(description = "Text similarity, 0..1") double score) {
    }

    @Schema(description = "A story with its related stories")
    public record StoryDetail(
            long id,
            String title,
            Instant firstPublished,
            Instant lastPublished,
            int articleCount,
            int outletCount,
            List<StoryArticle> articles,
            List<RelatedStory> related) {
    }

    @Schema(description = "Merge another story into this one")
    public record MergeRequest(
            @Schema(description = "Id of the story whose articles move into this one; it is left empty", required = true)
            Long story) {
    }

    @Schema(description = "Move some articles of this story into a new story")
    public record SplitRequest(
            @Schema(description = "Ids of the articles that leave: at least one, and not all", required = true)
            List<Long> articles) {
    }

    @Schema(description = "A span of an article's body")
    public record Span(long article, int start, int end, String text) {
    }

    @Schema(description = "Words that differ inside a linked pair; a side without words has an empty span")
    public record Difference(
            @Schema(enumeration = {"change", "delete", "insert"}) String type,
            Span a,
            Span b) {
    }

    @Schema(description = "Two passages of two articles that say the same thing")
    public record Link(
            Span a,
            Span b,
            @Schema(enumeration = {"verbatim", "near", "paraphrase"}) String kind,
            double score,
            List<Difference> diff) {
    }

    @Schema(description = "A quote as one article carries it")
    public record QuoteMember(long article, int start, int end, String text,
            @Schema(description = "Who this article says spoke it, null when it names no one") String speaker) {
    }

    @Schema(description = "Quotes of several articles that say the same thing")
    public record QuoteGroup(long group, String speaker, List<QuoteMember> members) {
    }

    @Schema(description = "The stored alignment of a story")
    public record Alignment(long story, List<Link> links, List<Span> unique, List<QuoteGroup> quotes) {
    }

    @Schema(description = "A block of an article's body")
    public record Paragraph(int ordinal, String kind, int start, int end, String text) {
    }

    @Schema(description = "A normalised article")
    public record Article(
            long id,
            String headline,
            boolean headlineDerived,
            String dek,
            String byline,
            String outlet,
            Instant publishedAt,
            String language,
            String url,
            @Schema(description = "The article's URL, or the name of the ingested file") String source,
            Long story,
            int wordCount,
            @Schema(description = "Paragraphs joined by blank lines; every offset points into it") String body,
            List<Paragraph> paragraphs,
            @Schema(description = "When the details or text last changed: send it back as 'version' when correcting")
            Instant updatedAt) {
    }

    @Schema(description = "An article's details as an editor sets them; every field is replaced, a missing one means none")
    public record DetailsRequest(
            @Schema(required = true) String headline,
            String dek,
            String byline,
            @Schema(description = "Outlet name; an existing outlet matches whatever the capitals") String outlet,
            Instant publishedAt,
            @Schema(description = "ISO 639 code such as en") String language,
            @Schema(description = "The article's updatedAt as read: when it changed since, nothing is saved (409); "
                    + "without it the details are replaced whatever changed meanwhile") Instant version) {
    }

    @Schema(description = "One changed detail of an article, with who changed it and when")
    public record Correction(String field, String before, String after, String editor, Instant at) {
    }

    @Schema(description = "The corrections one request made (none when the details were already these) and the article")
    public record Corrected(List<Correction> changes, Article article) {
    }

    @Schema(description = "Why an article is removed")
    public record RemovalRequest(@Schema(required = true) String reason) {
    }

    @Schema(description = "An article removed by an editor")
    public record Removal(long article, String headline, Long story) {
    }
}
