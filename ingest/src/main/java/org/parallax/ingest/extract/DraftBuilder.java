package org.parallax.ingest.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;

/** A changed copy of an {@link ArticleDraft}: readers and normalisation adjust drafts field by field. */
public final class DraftBuilder {

    private String source;
    private String url;
    private String outlet;
    private String outletDomain;
    private String headline;
    private boolean headlineDerived;
    private String dek;
    private String byline;
    private Instant publishedAt;
    private String language;
    private List<Block> paragraphs;
    private double confidence;
    private final List<String> warnings;

    private DraftBuilder(ArticleDraft draft) {
        source = draft.source();
        url = draft.url();
        outlet = draft.outlet();
        outletDomain = draft.outletDomain();
        headline = draft.headline();
        headlineDerived = draft.headlineDerived();
        dek = draft.dek();
        byline = draft.byline();
        publishedAt = draft.publishedAt();
        language = draft.language();
        paragraphs = draft.paragraphs();
        confidence = draft.confidence();
        warnings = new ArrayList<>(draft.warnings());
    }

    public static DraftBuilder from(ArticleDraft draft) {
        return new DraftBuilder(draft);
    }

    public DraftBuilder url(String value) {
        url = value;
        return this;
    }

    public DraftBuilder outlet(String name, String domain) {
        outlet = name;
        outletDomain = domain;
        return this;
    }

    public DraftBuilder headline(String value, boolean derived) {
        headline = value;
        headlineDerived = derived;
        return this;
    }

    public DraftBuilder dek(String value) {
        dek = value;
        return this;
    }

    public DraftBuilder byline(String value) {
        byline = value;
        return this;
    }

    public DraftBuilder publishedAt(Instant value) {
        publishedAt = value;
        return this;
    }

    public DraftBuilder language(String value) {
        language = value;
        return this;
    }

    public DraftBuilder paragraphs(List<Block> value) {
        paragraphs = value;
        return this;
    }

    public DraftBuilder confidence(double value) {
        confidence = value;
        return this;
    }

    /** Adds a warning unless one with the same leading key phrase (text before ':') is already there. */
    public DraftBuilder warn(String warning) {
        String key = key(warning);
        if (warnings.stream().noneMatch(w -> key(w).equals(key))) {
            warnings.add(warning);
        }
        return this;
    }

    public DraftBuilder unwarn(String warning) {
        String key = key(warning);
        warnings.removeIf(w -> key(w).equals(key));
        return this;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static String key(String warning) {
        int colon = warning.indexOf(':');
        return colon < 0 ? warning : warning.substring(0, colon);
    }

    public ArticleDraft build() {
        return new ArticleDraft(source, url, outlet, outletDomain, headline, headlineDerived, dek, byline,
                publishedAt, language, paragraphs, confidence, warnings);
    }
}
