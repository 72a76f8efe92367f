package org.parallax.ingest.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in JSON-LD ({@code NewsArticle}, {@code BlogPosting} and the
 * other Article types), found at the top level, in an array or in an {@code @graph}.
 *
 * @param name the {@code name} property, often but not always the headline
 * @param headline the {@code headline} property
 * @param authors author names in order
 */
record JsonLdArticle(String name, String headline, List<String> authors, String description, String publisher,
        String datePublished, String inLanguage, String url) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle"
                    + "|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report"
                    + "|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting"
                    + "|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$");
    private static final Pattern SCHEMA_ORG = Pattern.compile("^https?://schema\\.org/?$");
    private static final Pattern CDATA = Pattern.compile("^\\s*<!\\[CDATA\\[|\\]\\]>\\s*$");

    /** The first article described in the given JSON-LD scripts, or null. Malformed scripts are skipped. */
    static JsonLdArticle find(List<Element> scripts) {
        for (Element script : scripts) {
            String content = CDATA.matcher(script.data()).replaceAll("");
            JsonNode root;
            try {
                root = JSON.readTree(content);
            } catch (JsonProcessingException e) {
                continue;
            }
            JsonNode article = findArticle(root);
            if (article != null) {
                return from(article);
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        if (root == null) {
            return null;
        }
        if (root.isArray()) {
            root.forEach(pending::add);
        } else {
            pending.add(root);
        }
        while (!pending.isEmpty()) {
            JsonNode node = pending.poll();
            if (!node.isObject() || !schemaOrg(node.get("@context"), root)) {
                continue;
            }
            if (isArticle(node.get("@type"))) {
                return node;
            }
            JsonNode graph = node.get("@graph");
            if (graph != null && graph.isArray()) {
                for (JsonNode item : graph) {
                    if (item.isObject() && isArticle(item.get("@type"))) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    /** A schema.org context on the node itself or, for array members, on the enclosing document. */
    private static boolean schemaOrg(JsonNode context, JsonNode root) {
        if (context == null) {
            return root.isArray();
        }
        if (context.isTextual()) {
            return SCHEMA_ORG.matcher(context.asText()).matches();
        }
        if (context.isObject()) {
            JsonNode vocab = context.get("@vocab");
            return vocab != null && SCHEMA_ORG.matcher(vocab.asText()).matches();
        }
        if (context.isArray()) {
            for (JsonNode item : context) {
                if (schemaOrg(item, root)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && ARTICLE_TYPE.matcher(t.asText()).find()) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPE.matcher(type.asText()).find();
    }

    private static JsonLdArticle from(JsonNode article) {
        List<String> authors = new ArrayList<>();
        JsonNode author = article.get("author");
        if (author != null) {
            if (author.isArray()) {
                author.forEach(a -> addName(authors, a));
            } else {
                addName(authors, author);
            }
        }
        JsonNode publisher = article.get("publisher");
        return new JsonLdArticle(text(article.get("name")), text(article.get("headline")), authors,
                text(article.get("description")), publisher == null ? null : publisher.isTextual()
                        ? text(publisher) : text(publisher.get("name")),
                text(article.get("datePublished")), language(article.get("inLanguage")), text(article.get("url")));
    }

    private static void addName(List<String> names, JsonNode author) {
        String name = author.isTextual() ? text(author) : author.isObject() ? text(author.get("name")) : null;
        if (name != null) {
            names.add(name);
        }
    }

    private static String language(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isObject() ? text(node.get("alternateName")) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }
}
