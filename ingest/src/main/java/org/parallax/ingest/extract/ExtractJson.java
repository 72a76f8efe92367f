package org.parallax.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleText;

/** The documented JSON shape of {@code parallax extract --json}: one object per line, per article found. */
public final class ExtractJson {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private ExtractJson() {
    }

    public static Map<String, Object> toMap(ExtractionResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        ArticleDraft a = result.article();
        json.put("source", result.source());
        json.put("outlet", a == null ? null : a.outlet());
        json.put("headline", a == null ? null : a.headline());
        json.put("headlineDerived", a != null && a.headlineDerived());
        json.put("dek", a == null ? null : a.dek());
        json.put("byline", a == null ? null : a.byline());
        json.put("publishedAt", a == null || a.publishedAt() == null ? null : a.publishedAt().toString());
        json.put("language", a == null ? null : a.language());
        List<Map<String, String>> paragraphs = new ArrayList<>();
        if (a != null) {
            for (ArticleDraft.Block block : a.paragraphs()) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("kind", block.kind().dbValue());
                p.put("text", block.text());
                paragraphs.add(p);
            }
        }
        json.put("paragraphs", paragraphs);
        json.put("text", a == null ? null : ArticleText.body(a.paragraphs()));
        json.put("confidence", a == null ? null : a.confidence());
        json.put("warnings", a == null ? List.of() : a.warnings());
        json.put("error", result.error());
        return json;
    }

    public static String line(ExtractionResult result) {
        try {
            return JSON.writeValueAsString(toMap(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps of strings always serialise", e);
        }
    }
}
