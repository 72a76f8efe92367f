package org.parallax.core.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A highlight with an optional note and tags, by one user, on one article. {@link #target} holds the W3C
 * Web Annotation selectors ({@code TextQuoteSelector} and {@code TextPositionSelector}) as JSONB; a reply
 * has a {@link #parentId} and carries its parent's target. {@link #version} is the optimistic lock: an
 * edit based on an older version is refused, never applied over a newer one.
 */
@Entity
@Table(name = "annotation")
public class Annotation extends PanacheEntityBase {

    public static final String PRIVATE = "private";
    public static final String SHARED = "shared";
    public static final String ANCHORED = "anchored";
    public static final String ORPHANED = "orphaned";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "article_id", nullable = false)
    public long articleId;

    @Column(name = "parent_id")
    public Long parentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> target = new LinkedHashMap<>();

    public String note;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags = new String[0];

    @Column(nullable = false, length = 16)
    public String visibility = PRIVATE;

    @Column(name = "anchor_state", nullable = false, length = 16)
    public String anchorState = ANCHORED;

    @Column(name = "anchor_note")
    public String anchorNote;

    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean isShared() {
        return SHARED.equals(visibility);
    }

    public boolean isOrphaned() {
        return ORPHANED.equals(anchorState);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public List<String> tagList() {
        return List.of(tags);
    }

    /** The selectors, read back from {@link #target}. */
    public TextQuote quote() {
        return selectors(target);
    }

    public void point(TextQuote quote) {
        target = target(quote);
    }

    public static Map<String, Object> target(TextQuote quote) {
        Map<String, Object> textQuote = new LinkedHashMap<>();
        textQuote.put("type", "TextQuoteSelector");
        textQuote.put("exact", quote.exact());
        textQuote.put("prefix", quote.prefix());
        textQuote.put("suffix", quote.suffix());
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("type", "TextPositionSelector");
        position.put("start", quote.start());
        position.put("end", quote.end());
        List<Object> selectors = new ArrayList<>();
        selectors.add(textQuote);
        selectors.add(position);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("selector", selectors);
        return target;
    }

    static TextQuote selectors(Map<String, Object> target) {
        String exact = null;
        String prefix = "";
        String suffix = "";
        int start = 0;
        int end = 0;
        Object list = target.get("selector");
        if (list instanceof List<?> selectors) {
            for (Object o : selectors) {
                if (o instanceof Map<?, ?> selector) {
                    if ("TextQuoteSelector".equals(selector.get("type"))) {
                        exact = (String) selector.get("exact");
                        prefix = (String) selector.get("prefix");
                        suffix = (String) selector.get("suffix");
                    } else if ("TextPositionSelector".equals(selector.get("type"))) {
                        start = ((Number) selector.get("start")).intValue();
                        end = ((Number) selector.get("end")).intValue();
                    }
                }
            }
        }
        if (exact == null) {
            throw new IllegalStateException("annotation target without a TextQuoteSelector");
        }
        return new TextQuote(exact, prefix, suffix, start, end);
    }
}
