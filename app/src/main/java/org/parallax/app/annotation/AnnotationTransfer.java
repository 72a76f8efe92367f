package org.parallax.app.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parallax.core.annotation.AnnotationData;
import org.parallax.core.annotation.AnnotationProblem;
import org.parallax.core.annotation.AnnotationService;

/**
 * Export (W3C {@code AnnotationCollection} JSON-LD, and Markdown grouped by story and article) and import of
 * W3C JSON-LD. Import places each annotation on the article its target names (a Parallax article IRI, or the
 * article's original URL), anchors it by its selectors, keeps a quote it cannot find as an orphan, and
 * reports what it could not place at all. Importing the same file twice adds nothing the second time.
 */
@ApplicationScoped
public class AnnotationTransfer {

    /** Most annotations one import takes. */
    static final int MAX_IMPORT = 5_000;

    private final AnnotationService annotations;

    public AnnotationTransfer(AnnotationService annotations) {
        this.annotations = annotations;
    }

    public Response jsonLd(long viewer, String name, String base) {
        List<AnnotationData> mine = annotations.mine(viewer, AnnotationService.Filter.all());
        Map<String, Object> collection = WebAnnotations.collection(base, base + "api/annotations/export",
                "Annotations by " + name, mine);
        return Response.ok(WebAnnotations.write(collection)).type(WebAnnotations.PROFILE_TYPE)
                .header("Content-Disposition", "attachment; filename=\"parallax-annotations-" + today() + ".jsonld\"")
                .build();
    }

    public Response markdown(long viewer, String name) {
        return Response.ok(markdownText(annotations.mine(viewer, AnnotationService.Filter.all()), name))
                .type("text/markdown; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"parallax-annotations-" + today() + ".md\"")
                .build();
    }

    /** Stories in title order, articles within them, annotations in text order; orphans are marked. */
    static String markdownText(List<AnnotationData> all, String name) {
        Map<String, Map<String, List<AnnotationData>>> grouped = new java.util.TreeMap<>();
        for (AnnotationData a : all) {
            String story = a.storyTitle() == null ? "Articles not in a story" : a.storyTitle();
            String article = a.articleHeadline() + (a.outlet() == null ? "" : " (" + a.outlet() + ")");
            grouped.computeIfAbsent(story, k -> new java.util.TreeMap<>())
                    .computeIfAbsent(article, k -> new ArrayList<>()).add(a);
        }
        StringBuilder md = new StringBuilder("# Annotations by ").append(name).append("\n");
        for (var story : grouped.entrySet()) {
            md.append("\n## ").append(oneLine(story.getKey())).append("\n");
            for (var article : story.getValue().entrySet()) {
                md.append("\n### ").append(oneLine(article.getKey())).append("\n");
                List<AnnotationData> items = new ArrayList<>(article.getValue());
                items.sort(java.util.Comparator.comparingInt(a -> a.quote().start()));
                for (AnnotationData a : items) {
                    md.append("\n> ").append(a.quote().exact().replace("\n", "\n> ")).append("\n");
                    if (a.isOrphaned()) {
                        md.append("\n*Orphaned: ").append(oneLine(a.anchorNote() == null ? "the text is gone" : a.anchorNote()))
                                .append("*\n");
                    }
                    if (a.note() != null) {
                        md.append("\n").append(a.note()).append("\n");
                    }
                    if (!a.tags().isEmpty()) {
                        md.append("\nTags: ").append(String.join(", ", a.tags().stream().map(t -> "`" + t.replace("`", "'") + "`")
                                .toList())).append("\n");
                    }
                    md.append("\n").append(a.isShared() ? "Shared" : "Private").append(", ")
                            .append(a.created().atZone(ZoneOffset.UTC).toLocalDate()).append(", article ")
                            .append(a.articleId()).append(", characters ").append(a.quote().start()).append("-")
                            .append(a.quote().end()).append("\n");
                }
            }
        }
        return md.toString();
    }

    /** What an import did. */
    public record ImportReport(int received, int imported, int alreadyPresent, List<Problem> orphaned,
                               List<Problem> notImported) {
    }

    /** One annotation that was not (fully) placed, and why. */
    public record Problem(int index, String source, String quote, String reason) {
    }

    public ImportReport importJson(long viewer, JsonNode json) {
        List<JsonNode> items = WebAnnotations.items(json);
        if (items.size() > MAX_IMPORT) {
            throw new AnnotationProblem.Invalid("At most " + MAX_IMPORT + " annotations per import; this has "
                    + items.size() + ".");
        }
        int imported = 0;
        int present = 0;
        List<Problem> orphaned = new ArrayList<>();
        List<Problem> failed = new ArrayList<>();
        Map<String, Optional<Long>> articles = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            WebAnnotations.Incoming incoming;
            try {
                incoming = WebAnnotations.read(items.get(i));
            } catch (IllegalArgumentException e) {
                failed.add(new Problem(i, null, null, e.getMessage()));
                continue;
            }
            if (incoming.parentIri() != null) {
                failed.add(new Problem(i, incoming.parentIri(), null, "replies are not imported"));
                continue;
            }
            Optional<Long> article = articles.computeIfAbsent(String.valueOf(incoming.source()), source -> {
                Long id = WebAnnotations.articleIdOf(incoming.source());
                if (id != null && annotations.articleExists(id)) {
                    return Optional.of(id);
                }
                return annotations.articleAt(incoming.source());
            });
            String quote = shorten(incoming.quote().exact());
            if (article.isEmpty()) {
                failed.add(new Problem(i, incoming.source(), quote, "no article here has this source"));
                continue;
            }
            try {
                Optional<AnnotationData> stored = annotations.importOne(viewer, article.get(), new AnnotationService.Draft(
                        incoming.quote(), incoming.note(), incoming.tags(), incoming.visibility()));
                if (stored.isEmpty()) {
                    present++;
                } else {
                    imported++;
                    if (stored.get().isOrphaned()) {
                        orphaned.add(new Problem(i, incoming.source(), quote, stored.get().anchorNote()));
                    }
                }
            } catch (AnnotationProblem.Invalid e) {
                failed.add(new Problem(i, incoming.source(), quote, e.getMessage()));
            }
        }
        return new ImportReport(items.size(), imported, present, orphaned, failed);
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 119) + "…";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
