package org.parallax.app.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers available in every template. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** "25 September 2020", in UTC, the zone dates are stored in. */
    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** Machine-readable date for {@code <time datetime>}. */
    static String isoDay(Instant instant) {
        return instant == null ? "" : ISO_DAY.format(instant);
    }

    /** "25 September 2020, 15:45 UTC". */
    static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    /** Machine-readable instant for {@code <time datetime>}. */
    static String isoMoment(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** For query strings built in templates; Qute's escaping then makes it safe inside an attribute. */
    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Prefix of the ids of an article's paragraphs on pages that show several articles ("a12-p"). */
    static String aPrefix(Long articleId) {
        return "a" + articleId + "-p";
    }
}
