package org.parallax.ingest.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the publication dates pages declare. Machine-readable forms only (ISO-8601 and its common
 * near-misses, RFC 1123): a date is stored as fact, so a free-text guess is not good enough. A date
 * without a time means midnight UTC; a time without an offset is taken as UTC.
 */
final class Dates {

    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2})");
    /** "+0000" and "+00" offsets that ISO parsers reject. */
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})?$");
    private static final Pattern PLAIN_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern COMPACT_DATE = Pattern.compile("^\\d{8}$");
    private static final Pattern WEIRD_SEPARATORS = Pattern.compile("^(\\d{4})[/.](\\d{2})[/.](\\d{2})(.*)$");

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH));

    private Dates() {
    }

    static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty() || value.length() > 64) {
            return null;
        }
        var separators = WEIRD_SEPARATORS.matcher(value);
        if (separators.matches()) {
            value = separators.group(1) + "-" + separators.group(2) + "-" + separators.group(3) + separators.group(4);
        }
        if (COMPACT_DATE.matcher(value).matches()) {
            value = value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6);
        }
        if (PLAIN_DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        value = SPACE_BEFORE_TIME.matcher(value).replaceFirst("$1T$2");
        if (value.endsWith(" UTC") || value.endsWith(" GMT")) {
            value = value.substring(0, value.length() - 4) + "Z";
        }
        Instant instant = isoInstant(value);
        if (instant == null) {
            var offset = COMPACT_OFFSET.matcher(value);
            if (value.length() > 16 && offset.find() && value.indexOf('T') > 0) {
                String minutes = offset.group(2) == null ? "00" : offset.group(2);
                instant = isoInstant(value.substring(0, offset.start()) + offset.group(1) + ":" + minutes);
            }
        }
        if (instant != null) {
            return instant;
        }
        for (DateTimeFormatter format : ZONED) {
            try {
                return ZonedDateTime.parse(raw.strip(), format).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static Instant isoInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
