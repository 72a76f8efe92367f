package org.parallax.ingest.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.article.ArticleDraft;
import org.parallax.core.article.ArticleDraft.Block;
import org.parallax.core.article.ParagraphKind;
import org.parallax.ingest.extract.ExtractionException;
import org.parallax.ingest.extract.Warnings;

/**
 * Reads scraped plain text: headline and dek from the first lines, byline and dateline patterns, then
 * the body with the page furniture that scrapers drag along (navigation, captions, pull quotes, author
 * bios, end marks) left out.
 */
public final class PlainTextExtractor {

    private static final int MAX_HEADLINE_CHARS = 200;
    private static final int MAX_HEADLINE_WORDS = 32;
    private static final int MAX_DEK_CHARS = 320;
    private static final int MAX_PULL_QUOTE_WORDS = 30;
    private static final int PULL_QUOTE_REACH = 12;

    private static final Pattern DATE_LINE = Pattern.compile("^date\\s+(\\d{4}-\\d{2}-\\d{2})\\b\\s*(.*)$");
    private static final Pattern BY_LINE = Pattern.compile("^(?:by|By|BY)\\s+(.{2,80})$");
    private static final Pattern AUTHOR_LINE = Pattern.compile("^(?:Author|Written by|Words by)\\s*:\\s*(.{2,80})$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:(?:Published|Updated)\\s*:?\\s*)?((?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER"
                    + "|NOVEMBER|DECEMBER|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                    + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.? \\d{1,2}, \\d{4})"
                    + "(?:,?\\s+(\\d{1,2}:\\d{2}))?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "\\((?:photo|image|picture) credit:[^)]*\\)|^(?:photo|image|picture) credit:.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:skip to (?:footer|content|main content|navigation)|topics in this article|advertisement|"
                    + "share(?: this (?:article|story))?|share on (?:facebook|twitter)|read more|related articles?|"
                    + "sign up for (?:our|the) .*newsletter.*|subscribe to (?:our|the) .*newsletter.*|"
                    + "follow us on .*|click here to .*|●|■|◆)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern END_MARK = Pattern.compile("\\s*[●■◆]\\s*$");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final DateTimeFormatter DATELINE_FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("[MMMM][MMM][.] d, uuuu")
            .toFormatter(Locale.ENGLISH);

    private final OutletRecognizer outlets;

    public PlainTextExtractor(OutletRecognizer outlets) {
        this.outlets = outlets;
    }

    public ArticleDraft extract(String source, byte[] bytes) throws ExtractionException {
        String text = decode(source, bytes);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            lines.add(clean(line));
        }
        Parse parse = new Parse(source, lines);
        return parse.run();
    }

    static String decode(String source, byte[] bytes) throws ExtractionException {
        String text = TextDecoding.decode(source, bytes);
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String clean(String line) {
        // Scrapers leave non-breaking spaces and runs of blanks; words and punctuation stay as published.
        return line.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f]+", " ").strip();
    }

    private final class Parse {
        private final String source;
        private final List<String> lines;
        private final List<String> warnings = new ArrayList<>();
        private String masthead;
        private Instant publishedAt;
        private String byline;
        private String headline;
        private boolean headlineDerived;
        private String dek;

        Parse(String source, List<String> lines) {
            this.source = source;
            this.lines = lines;
        }

        ArticleDraft run() throws ExtractionException {
            int i = readHeader();
            List<String> bodyLines = new ArrayList<>();
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty() || isMetadataLine(line)) {
                    continue;
                }
                bodyLines.add(line);
            }
            bodyLines = dropCaptions(bodyLines);
            bodyLines = dropAuthorBios(bodyLines);
            bodyLines = dropBoilerplate(bodyLines);
            bodyLines = dropPullQuotes(bodyLines);
            if (bodyLines.isEmpty() && dek != null) {
                // A standout line with nothing after it is the article's only paragraph, not its dek.
                bodyLines.add(dek);
                dek = null;
            }
            if (bodyLines.isEmpty()) {
                throw new ExtractionException(source + ": no article text found");
            }
            if (headline == null) {
                headline = deriveHeadline(bodyLines.get(0));
                headlineDerived = true;
                warnings.add(Warnings.DERIVED_HEADLINE);
            }
            List<Block> blocks = new ArrayList<>();
            for (String line : bodyLines) {
                blocks.add(new Block(looksLikeHeading(line) ? ParagraphKind.HEADING : ParagraphKind.PARAGRAPH, line));
            }
            String joined = String.join("\n", bodyLines);
            Optional<OutletRecognizer.Recognized> outlet = outlets.recognize(masthead, byline, joined);
            if (outlet.isEmpty()) {
                warnings.add(Warnings.UNKNOWN_OUTLET);
            }
            if (publishedAt == null) {
                warnings.add(Warnings.NO_DATE);
            }
            return new ArticleDraft(source, null, outlet.map(OutletRecognizer.Recognized::name).orElse(null),
                    outlet.map(OutletRecognizer.Recognized::domain).orElse(null), headline, headlineDerived, dek,
                    byline, publishedAt, null, blocks, confidence(blocks), warnings);
        }

        /** Reads masthead, headline, dek, byline and dateline from the top; returns the first body line. */
        private int readHeader() {
            int i = skipBlank(0);
            if (i < lines.size()) {
                Matcher date = DATE_LINE.matcher(lines.get(i));
                if (date.matches()) {
                    publishedAt = parseIsoDate(date.group(1));
                    masthead = date.group(2);
                    i = skipBlank(i + 1);
                }
            }
            if (i < lines.size() && looksLikeHeadline(i)) {
                headline = lines.get(i);
                i = skipBlank(i + 1);
                if (i < lines.size() && looksLikeDek(i)) {
                    dek = lines.get(i);
                    i = skipBlank(i + 1);
                }
            }
            while (i < lines.size() && isMetadataLine(lines.get(i))) {
                i = skipBlank(i + 1);
            }
            return i;
        }

        private boolean looksLikeHeadline(int i) {
            String line = lines.get(i);
            return line.length() <= MAX_HEADLINE_CHARS
                    && wordCount(line) <= MAX_HEADLINE_WORDS
                    && !isMetadataLine(line)
                    && (i + 1 >= lines.size() || lines.get(i + 1).isEmpty());
        }

        private boolean looksLikeDek(int i) {
            String line = lines.get(i);
            boolean standsAlone = i + 1 >= lines.size() || lines.get(i + 1).isEmpty()
                    || isMetadataLine(lines.get(i + 1));
            return standsAlone && line.length() <= MAX_DEK_CHARS && !isMetadataLine(line)
                    && !BOILERPLATE.matcher(line).matches();
        }

        /** Byline and dateline lines are consumed here, wherever they stand. */
        private boolean isMetadataLine(String line) {
            Matcher by = BY_LINE.matcher(line);
            if (by.matches() && wordCount(by.group(1)) <= 8 && !line.endsWith(".")) {
                byline = byline == null ? displayName(by.group(1)) : byline;
                return true;
            }
            Matcher author = AUTHOR_LINE.matcher(line);
            if (author.matches()) {
                byline = byline == null ? displayName(author.group(1)) : byline;
                return true;
            }
            Matcher dateline = DATELINE.matcher(line);
            if (dateline.matches()) {
                Instant parsed = parseDateline(dateline.group(1), dateline.group(2));
                if (parsed != null && publishedAt == null) {
                    publishedAt = parsed;
                } else if (parsed != null && dateline.group(2) != null
                        && parsed.toString().startsWith(publishedAt.toString().substring(0, 10))) {
                    publishedAt = parsed; // the dateline adds the time of day to a date-only header
                }
                return parsed != null;
            }
            return false;
        }

        private List<String> dropCaptions(List<String> body) {
            List<String> captions = new ArrayList<>();
            for (String line : body) {
                if (PHOTO_CREDIT.matcher(line).find()) {
                    String caption = PHOTO_CREDIT.matcher(line).replaceAll("").strip();
                    if (!caption.isEmpty()) {
                        captions.add(caption);
                    }
                }
            }
            List<String> kept = new ArrayList<>();
            int dropped = 0;
            for (String line : body) {
                if (PHOTO_CREDIT.matcher(line).find() || captions.contains(line)) {
                    dropped++;
                } else {
                    kept.add(line);
                }
            }
            if (dropped > 0) {
                warnings.add("removed " + dropped + " photo caption/credit line(s)");
            }
            return kept;
        }

        private List<String> dropAuthorBios(List<String> body) {
            if (byline == null) {
                return body;
            }
            List<String> kept = new ArrayList<>();
            Pattern bio = Pattern.compile("^" + Pattern.quote(byline)
                    + "\\s+(?:is|was|has been|covers|writes)\\b.*", Pattern.CASE_INSENSITIVE);
            for (String line : body) {
                if (bio.matcher(line).matches() && wordCount(line) <= 60) {
                    masthead = masthead == null ? line : masthead + "\n" + line;
                    continue;
                }
                kept.add(line);
            }
            return kept;
        }

        private List<String> dropBoilerplate(List<String> body) {
            List<String> kept = new ArrayList<>();
            for (String line : body) {
                if (BOILERPLATE.matcher(line).matches()) {
                    continue;
                }
                String withoutEndMark = END_MARK.matcher(line).replaceAll("");
                if (!withoutEndMark.isEmpty()) {
                    kept.add(withoutEndMark);
                }
            }
            return kept;
        }

        /**
         * A pull quote is a short standalone line that repeats words from a nearby, longer paragraph.
         * The paragraph is the article's text; the pull quote is layout, so only the paragraph stays.
         */
        private List<String> dropPullQuotes(List<String> body) {
            List<String> kept = new ArrayList<>();
            int dropped = 0;
            for (int i = 0; i < body.size(); i++) {
                String line = body.get(i);
                if (wordCount(line) <= MAX_PULL_QUOTE_WORDS && repeatedNearby(body, i)) {
                    dropped++;
                    continue;
                }
                kept.add(line);
            }
            if (dropped > 0) {
                warnings.add("removed " + dropped + " pull quote(s) repeated from the body");
            }
            return kept;
        }

        private boolean repeatedNearby(List<String> body, int index) {
            String needle = comparable(body.get(index));
            if (needle.length() < 20) {
                return false;
            }
            int from = Math.max(0, index - PULL_QUOTE_REACH);
            int to = Math.min(body.size(), index + PULL_QUOTE_REACH + 1);
            for (int j = from; j < to; j++) {
                if (j == index) {
                    continue;
                }
                String other = comparable(body.get(j));
                if (other.length() > needle.length() && other.contains(needle)) {
                    return true;
                }
            }
            return false;
        }

        private int skipBlank(int i) {
            while (i < lines.size() && lines.get(i).isEmpty()) {
                i++;
            }
            return i;
        }
    }

    static boolean looksLikeHeading(String line) {
        int words = wordCount(line);
        char last = line.charAt(line.length() - 1);
        return words >= 1 && words <= 8 && ".!?:;,\"”’'".indexOf(last) < 0 && Character.isUpperCase(line.charAt(0))
                && !line.startsWith("“");
    }

    /** A headline for an article that has none: its first sentence, shortened at a word if long. */
    public static String deriveHeadline(String lead) {
        int end = firstSentenceEnd(lead);
        String sentence = end > 0 ? lead.substring(0, end) : lead;
        if (sentence.length() <= 160) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', 150);
        return sentence.substring(0, cut > 60 ? cut : 150) + "…";
    }

    private static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ' && i > 20) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String comparable(String text) {
        return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static int wordCount(String text) {
        String trimmed = comparable(text);
        return trimmed.isEmpty() ? 0 : trimmed.split(" ").length;
    }

    /** "REUTERS" becomes "Reuters"; names already in mixed case stay as written. */
    static String displayName(String name) {
        String trimmed = name.strip();
        if (!trimmed.equals(trimmed.toUpperCase(Locale.ROOT))) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder();
        for (String word : trimmed.toLowerCase(Locale.ROOT).split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }

    private static Instant parseIsoDate(String iso) {
        try {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant parseDateline(String date, String time) {
        try {
            LocalDate day = LocalDate.parse(date.replace(".", "").replaceAll("(?i)^Sept ", "Sep "),
                    DATELINE_FORMAT);
            LocalDateTime at = time == null ? day.atStartOfDay() : day.atTime(
                    Integer.parseInt(time.substring(0, time.indexOf(':'))),
                    Integer.parseInt(time.substring(time.indexOf(':') + 1)));
            return at.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static double confidence(List<Block> blocks) {
        int words = 0;
        for (Block block : blocks) {
            words += wordCount(block.text());
        }
        // Plain text carries no markup to check against: long, paragraph-shaped bodies are trusted more.
        double byLength = Math.min(1.0, words / 300.0);
        return Math.round((0.5 + 0.4 * byLength) * 100) / 100.0;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
