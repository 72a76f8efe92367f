package org.parallax.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parallax.core.outlet.Outlet;
import org.parallax.core.outlet.OutletService;
import org.parallax.core.text.ControlCharacters;

/**
 * Editors correct the details extraction got wrong: headline, dek, byline, outlet, publication date and
 * language. The body is not editable here: it is what the source said, and a new revision of the source
 * replaces it. Every change is kept with its author and the value it replaced ({@code article_correction}),
 * and a later revision of the article keeps the editor's values rather than the extractor's.
 */
@ApplicationScoped
@Transactional
public class ArticleCorrections {

    static final int MAX_HEADLINE = 500;
    static final int MAX_DEK = 1_000;
    static final int MAX_BYLINE = 300;
    static final int MAX_OUTLET = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Time zones and clocks differ; a date more than this far ahead is a typo, not news. */
    private static final Duration FUTURE_SLACK = Duration.ofDays(2);
    private static final Instant EARLIEST = OffsetDateTime.of(1800, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    /** The warnings extraction gave for a detail it could not find; an editor's value settles them. */
    private static final Map<String, String> SETTLED_WARNINGS = Map.of(
            "headline", "derived headline",
            "outlet", "unknown outlet",
            "published_at", "no publication date");

    /** An article's details as an editor sees and submits them; blank text and null mean "none". */
    public record Details(String headline, String dek, String byline, String outlet, Instant publishedAt,
                          String language) {
    }

    /** @param version when the details or text last changed; {@link #correct} refuses a form shown before it */
    public record Current(Details details, Instant version) {
    }

    /** One changed field of one correction. */
    public record Change(String field, String before, String after, String editor, Instant at) {

        public String fieldLabel() {
            return switch (field) {
                case "published_at" -> "Publication date";
                case "dek" -> "Dek";
                default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
            };
        }

        /** The value as people read it: a publication instant as its UTC day and minute. */
        public String beforeShown() {
            return shown(before);
        }

        public String afterShown() {
            return shown(after);
        }

        private String shown(String value) {
            if (value == null || !field.equals("published_at")) {
                return value;
            }
            OffsetDateTime at = Instant.parse(value).atOffset(ZoneOffset.UTC);
            return at.toLocalDate() + " " + at.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " UTC";
        }
    }

    /** The submitted details break a rule; the message says which, in words an editor understands. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    /**
     * The details changed (another editor's correction, a new revision) after the editor was shown them; saving
     * the form as it is would silently put back the values it still holds. Nothing was changed.
     */
    public static final class Stale extends RuntimeException {
        public Stale(String message) {
            super(message);
        }
    }

    private final EntityManager em;
    private final OutletService outlets;
    private final Event<ArticleCorrected> corrected;
    private final Event<ArticleEditing> editing;

    public ArticleCorrections(EntityManager em, OutletService outlets, Event<ArticleCorrected> corrected,
                              Event<ArticleEditing> editing) {
        this.em = em;
        this.outlets = outlets;
        this.corrected = corrected;
        this.editing = editing;
    }

    /** The article's details as stored, with when they last changed (what a form shows them as of). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Current> current(long articleId) {
        return Optional.ofNullable(em.find(Article.class, articleId)).map(a -> new Current(details(a), a.updatedAt));
    }

    /**
     * Stores the details that differ from the article's, each as a recorded change.
     *
     * @param seen the {@link Current#version} the editor's form showed, or null to replace whatever is stored now
     * @throws Stale when the details changed after {@code seen}
     *
     * @return the changes made, none when the details were already the article's
     * @throws Rejected when a value breaks a rule (nothing is changed then)
     * @throws java.util.NoSuchElementException when there is no such article
     */
    public List<Change> correct(long articleId, long editorId, Details submitted, Instant seen) {
        editing.fire(new ArticleEditing(articleId));
        Article article = em.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw new java.util.NoSuchElementException("No article " + articleId);
        }
        Details before = details(article);
        Details wanted = validated(submitted, before);
        if (seen != null && !seen.equals(article.updatedAt)) {
            throw new Stale("Someone changed these details after you opened the form (see the corrections below); "
                    + "nothing was saved. The form still holds what you sent: check it against the current "
                    + "details and save again.");
        }
        wanted = withKnownOutlet(wanted);
        Map<String, String[]> changed = new LinkedHashMap<>();
        diff(changed, "headline", before.headline(), wanted.headline());
        diff(changed, "dek", before.dek(), wanted.dek());
        diff(changed, "byline", before.byline(), wanted.byline());
        diff(changed, "outlet", before.outlet(), wanted.outlet());
        diff(changed, "published_at", text(before.publishedAt()), text(wanted.publishedAt()));
        diff(changed, "language", before.language(), wanted.language());
        if (changed.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        for (var change : changed.entrySet()) {
            apply(article, change.getKey(), change.getValue()[1]);
            em.createNativeQuery("""
                            insert into article_correction (article_id, user_id, field, before_value, after_value, corrected_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, articleId).setParameter(2, editorId).setParameter(3, change.getKey())
                    .setParameter(4, change.getValue()[0]).setParameter(5, change.getValue()[1])
                    .setParameter(6, now).executeUpdate();
        }
        article.updatedAt = now;
        em.flush();
        corrected.fire(new ArticleCorrected(articleId, article.story == null ? null : article.story.id));
        String editor = editorName(editorId);
        return changed.entrySet().stream()
                .map(c -> new Change(c.getKey(), c.getValue()[0], c.getValue()[1], editor, now)).toList();
    }

    /** Every recorded change to the article's details, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> history(long articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.field, c.before_value, c.after_value, u.username, c.corrected_at
                        from article_correction c left join app_user u on u.id = c.user_id
                        where c.article_id = ?1 order by c.corrected_at desc, c.id desc""")
                .setParameter(1, articleId).getResultList();
        return rows.stream().map(r -> new Change((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (Instant) r[4])).toList();
    }

    /**
     * Puts the editors' latest values back over a new revision's extracted ones: the correction was of the
     * extraction, which a new revision repeats. Called inside the revising transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void keepCorrections(Article article) {
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("""
                        select distinct on (field) field, after_value from article_correction
                        where article_id = ?1 order by field, corrected_at desc, id desc""")
                .setParameter(1, article.id).getResultList();
        for (Object[] row : latest) {
            apply(article, (String) row[0], (String) row[1]);
        }
    }

    private void apply(Article article, String field, String value) {
        switch (field) {
            case "headline" -> {
                article.headline = value;
                article.headlineDerived = false;
            }
            case "dek" -> article.dek = value;
            case "byline" -> article.byline = value;
            case "outlet" -> article.outlet = value == null ? null : Outlet.findByName(value)
                    .orElseGet(() -> outlets.findOrCreate(value, null));
            case "published_at" -> article.publishedAt = value == null ? null : Instant.parse(value);
            case "language" -> article.language = value;
            default -> throw new IllegalStateException("not a correctable field: " + field);
        }
        String settled = SETTLED_WARNINGS.get(field);
        if (settled != null && value != null) {
            article.warnings = new ArrayList<>(article.warnings.stream().filter(w -> !w.startsWith(settled)).toList());
        }
    }

    /**
     * The rules judge what the editor typed, not what extraction stored: a value sent back exactly as it is
     * stored is kept as it is, even where it breaks a rule (a 600-character headline, a bidi isolate mark that
     * ingest keeps), or correcting the byline would first demand fixing a headline nobody touched.
     */
    static Details validated(Details d, Details stored) {
        String headline = cleanUnlessStored("Headline", d.headline(), stored.headline(), MAX_HEADLINE);
        if (headline == null) {
            throw new Rejected("An article needs a headline.");
        }
        String language = d.language();
        if (!isStored(language, stored.language())) {
            language = clean("Language", language, MAX_OUTLET);
            if (language != null && !LANGUAGE.matcher(language = language.toLowerCase(java.util.Locale.ROOT)).matches()) {
                throw new Rejected("Language must be a two- or three-letter ISO 639 code, such as en, de or ru.");
            }
        }
        Instant publishedAt = d.publishedAt();
        if (publishedAt != null && !publishedAt.equals(stored.publishedAt())) {
            if (publishedAt.isAfter(Instant.now().plus(FUTURE_SLACK))) {
                throw new Rejected("The publication date is in the future.");
            }
            if (publishedAt.isBefore(EARLIEST)) {
                throw new Rejected("The publication date is before 1800; check the year.");
            }
        }
        return new Details(headline, cleanUnlessStored("Dek", d.dek(), stored.dek(), MAX_DEK),
                cleanUnlessStored("Byline", d.byline(), stored.byline(), MAX_BYLINE),
                cleanUnlessStored("Outlet", d.outlet(), stored.outlet(), MAX_OUTLET), publishedAt, language);
    }

    private static boolean isStored(String typed, String stored) {
        return stored != null && stored.equals(typed);
    }

    private static String cleanUnlessStored(String label, String typed, String stored, int max) {
        return isStored(typed, stored) ? stored : clean(label, typed, max);
    }

    /** NFC, white space collapsed, blank as none; line breaks are not part of a headline or a name. */
    private static String clean(String label, String value, int max) {
        if (value == null) {
            return null;
        }
        if (ControlCharacters.present(value)) {
            throw new Rejected(label + " holds control characters; type it again without them.");
        }
        String cleaned = SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll(" ").strip();
        if (cleaned.length() > max) {
            throw new Rejected(label + " is " + cleaned.length() + " characters long; at most " + max + " are kept.");
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * Outlets are matched whatever the capitals, so "reuters" is the outlet Reuters: compared and recorded under
     * its stored name. Otherwise retyping a name in other capitals records a change that changes nothing, and
     * marks the outlet corrected, which lets any outlet's page at the article's address revise it.
     */
    private static Details withKnownOutlet(Details d) {
        if (d.outlet() == null) {
            return d;
        }
        String known = Outlet.findByName(d.outlet()).map(o -> o.name).orElse(d.outlet());
        return new Details(d.headline(), d.dek(), d.byline(), known, d.publishedAt(), d.language());
    }

    private static void diff(Map<String, String[]> changed, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.put(field, new String[] {before, after});
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Details details(Article a) {
        return new Details(a.headline, a.dek, a.byline, a.outletName(), a.publishedAt, a.language);
    }

    private String editorName(long userId) {
        List<?> names = em.createNativeQuery("select username from app_user where id = ?1").setParameter(1, userId)
                .getResultList();
        return names.isEmpty() ? null : (String) names.get(0);
    }
}
