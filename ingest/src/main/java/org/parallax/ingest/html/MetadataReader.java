package org.parallax.ingest.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a page's own statements about the article: {@code <meta>} tags (Open Graph, Twitter, Dublin
 * Core, Parse.ly, plain {@code name}s), JSON-LD, {@code <time>}, {@code <html lang>} and the canonical
 * link. Read before the body is extracted, because extraction rearranges the document.
 */
final class MetadataReader {

    /** {@code property} holds a space-separated list; each listed name counts. */
    private static final Pattern PROPERTY = Pattern.compile(
            "\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*(author|creator|description|published_time|title|site_name|locale|url)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^\\s*(?:(dc|dcterm|dcterms|og|twitter|parsely|weibo:(?:article|webpage))\\s*[-.:]\\s*)?"
                    + "(author|creator|pub-date|description|title|site_name|date|language)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_DATE_NAMES = Pattern.compile(
            "^(pubdate|publishdate|publish-date|publish_date|date|dc\\.date\\.issued|sailthru\\.date|article\\.published"
                    + "|originalpublicationdate|datepublished)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");
    private static final Map<String, String> OLD_LANGUAGE_CODES = Map.of("iw", "he", "in", "id", "ji", "yi");

    private MetadataReader() {
    }

    /** The elements metadata comes from, gathered in one walk over the page. */
    private static final class Sources {
        final List<Element> metas = new ArrayList<>();
        final List<Element> jsonLd = new ArrayList<>();
        final List<Element> times = new ArrayList<>();
        Element canonical;

        Sources(Document doc) {
            Element node = doc.firstElementChild();
            while (node != null) {
                switch (node.normalName()) {
                    case "meta" -> metas.add(node);
                    case "script" -> {
                        if (node.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
                            jsonLd.add(node);
                        }
                    }
                    case "link" -> {
                        if (canonical == null && node.attr("rel").equalsIgnoreCase("canonical") && node.hasAttr("href")) {
                            canonical = node;
                        }
                    }
                    default -> {
                        if (node.hasAttr("datetime") && (node.normalName().equals("time")
                                || node.attr("itemprop").equals("datePublished"))) {
                            times.add(node);
                        }
                    }
                }
                node = Dom.next(node, false);
            }
        }
    }

    static PageMetadata read(Document doc) {
        Sources sources = new Sources(doc);
        Map<String, String> values = metaValues(sources.metas);
        JsonLdArticle jsonLd = JsonLdArticle.find(sources.jsonLd);

        String title = jsonLdTitle(jsonLd, doc);
        if (title == null) {
            title = first(values, "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                    "title", "twitter:title", "parsely-title");
        }
        if (title == null) {
            title = DocumentTitle.of(doc);
        }
        String byline = jsonLd != null && !jsonLd.authors().isEmpty() ? String.join(", ", jsonLd.authors()) : null;
        if (byline == null) {
            byline = first(values, "dc:creator", "dcterm:creator", "author", "parsely-author");
        }
        String description = jsonLd != null ? jsonLd.description() : null;
        if (description == null) {
            description = first(values, "dc:description", "dcterm:description", "og:description",
                    "weibo:article:description", "weibo:webpage:description", "description", "twitter:description");
        }
        String siteName = jsonLd != null ? jsonLd.publisher() : null;
        if (siteName == null) {
            siteName = first(values, "og:site_name");
        }
        return new PageMetadata(clean(title), clean(description), cleanByline(byline),
                publishedAt(sources, jsonLd, values), language(doc, jsonLd, values), clean(siteName),
                canonicalUrl(sources, values));
    }

    /**
     * {@code name} and {@code headline} should agree; where they differ (some sites put the site name
     * in {@code name}), the one resembling the {@code <title>} wins.
     */
    private static String jsonLdTitle(JsonLdArticle jsonLd, Document doc) {
        if (jsonLd == null) {
            return null;
        }
        String name = jsonLd.name();
        String headline = jsonLd.headline();
        if (name != null && headline != null && !name.equals(headline)) {
            String pageTitle = DocumentTitle.of(doc);
            boolean nameMatches = TextSimilarity.similarity(name, pageTitle) > 0.75;
            boolean headlineMatches = TextSimilarity.similarity(headline, pageTitle) > 0.75;
            return headlineMatches && !nameMatches ? headline : name;
        }
        return name != null ? name : headline;
    }

    private static Map<String, String> metaValues(List<Element> metas) {
        Map<String, String> values = new HashMap<>();
        for (Element meta : metas) {
            String content = meta.attr("content");
            if (content.isBlank()) {
                continue;
            }
            content = content.strip();
            boolean matched = false;
            String property = meta.attr("property");
            if (!property.isEmpty()) {
                Matcher m = PROPERTY.matcher(property);
                while (m.find()) {
                    matched = true;
                    values.put(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s", ""), content);
                }
            }
            String name = meta.attr("name");
            if (!matched && !name.isEmpty()) {
                if (NAME.matcher(name).matches()) {
                    values.put(name.toLowerCase(Locale.ROOT).replaceAll("\\s", "").replace('.', ':'), content);
                } else if (OTHER_DATE_NAMES.matcher(name).matches()) {
                    values.putIfAbsent("date:" + name.toLowerCase(Locale.ROOT), content);
                }
            }
            String itemprop = meta.attr("itemprop");
            if (itemprop.equals("datePublished")) {
                values.putIfAbsent("itemprop:datepublished", content);
            }
            String httpEquiv = meta.attr("http-equiv");
            if (httpEquiv.equalsIgnoreCase("content-language")) {
                values.put("http:content-language", content);
            }
        }
        return values;
    }

    private static Instant publishedAt(Sources sources, JsonLdArticle jsonLd, Map<String, String> values) {
        if (jsonLd != null) {
            Instant instant = Dates.parse(jsonLd.datePublished());
            if (instant != null) {
                return instant;
            }
        }
        for (String key : new String[] {"article:published_time", "parsely-pub-date", "itemprop:datepublished",
            "dc:date", "dcterm:date", "dcterms:date", "date"}) {
            Instant instant = Dates.parse(values.get(key));
            if (instant != null) {
                return instant;
            }
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().startsWith("date:")) {
                Instant instant = Dates.parse(entry.getValue());
                if (instant != null) {
                    return instant;
                }
            }
        }
        // The element marked as the publication date first, then a <time pubdate>, then any <time>.
        for (int rank = 0; rank < 3; rank++) {
            for (Element time : sources.times) {
                boolean eligible = switch (rank) {
                    case 0 -> time.attr("itemprop").equals("datePublished");
                    case 1 -> time.hasAttr("pubdate");
                    default -> true;
                };
                Instant instant = eligible ? Dates.parse(time.attr("datetime")) : null;
                if (instant != null) {
                    return instant;
                }
            }
        }
        return null;
    }

    private static String language(Document doc, JsonLdArticle jsonLd, Map<String, String> values) {
        Element html = doc.firstElementChild();
        String[] declared = {
            html == null ? null : html.attr("lang"),
            html == null ? null : html.attr("xml:lang"),
            values.get("http:content-language"),
            jsonLd == null ? null : jsonLd.inLanguage(),
            values.get("og:locale"),
            values.get("dc:language"),
            values.get("language")};
        for (String value : declared) {
            String code = languageCode(value);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** The ISO 639-1 code in a language tag ("en-GB", "pt_BR", "de"), or null. */
    static String languageCode(String tag) {
        if (tag == null) {
            return null;
        }
        Matcher m = LANGUAGE.matcher(tag.strip());
        if (!m.matches() || m.group(1).length() != 2) {
            return null;
        }
        String code = m.group(1).toLowerCase(Locale.ROOT);
        return OLD_LANGUAGE_CODES.getOrDefault(code, code);
    }

    private static String canonicalUrl(Sources sources, Map<String, String> values) {
        Element link = sources.canonical;
        if (link != null) {
            String href = link.absUrl("href");
            if (href.isEmpty()) {
                href = link.attr("href").strip();
            }
            if (!href.isEmpty()) {
                return href;
            }
        }
        return values.get("og:url");
    }

    private static String first(Map<String, String> values, String... keys) {
        for (String key : keys) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Meta values are often entity-escaped twice; one more unescape gives the text. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
        return Texts.clean(text);
    }

    private static final Pattern BARE_URL = Pattern.compile("^(?:https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED_URL = Pattern.compile("\\s*[(<\\[](?:https?://|www\\.)[^)>\\]]*[)>\\]]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i:by|von|par|por|di|door)\\s*:?\\s+");

    /** A byline without its "By" prefix or a bracketed homepage; null for a bare profile URL. */
    static String cleanByline(String value) {
        String text = clean(value);
        if (text == null || BARE_URL.matcher(text).matches()) {
            return null;
        }
        text = BRACKETED_URL.matcher(BY_PREFIX.matcher(text).replaceFirst("")).replaceAll("").strip();
        return text.isBlank() ? null : text;
    }
}
