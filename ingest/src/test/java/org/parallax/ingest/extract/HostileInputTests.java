package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.article.ArticleText;
import org.parallax.ingest.Fixtures;

/**
 * Bad input, written as real files: each gets one clear line naming it, and a batch mixing them with good
 * files still yields the good articles.
 */
class HostileInputTests {

    @TempDir
    Path dir;

    /** A headline, a blank line and a body, in French and in Russian, for the decoding tests. */
    private static final String FRENCH = "Élysée répond à Moscou\n\nLe président a déclaré vendredi que la "
            + "proposition russe " + "méritait d’être étudiée avec prudence, selon un communiqué publié à Paris. ".repeat(3);
    private static final String RUSSIAN = "Кремль предложил договор о невмешательстве\n\nПрезидент России заявил в "
            + "пятницу, что " + "Москва и Вашингтон должны взаимно отказаться от вмешательства в выборы. ".repeat(3);

    private final Extraction extraction = Extraction.standard();

    @Test
    void aBatchOfBadFilesReportsEachAndKeepsTheGoodOne() throws Exception {
        Fixtures.write(dir, "a-empty.txt", new byte[0]);
        Fixtures.write(dir, "b-binary.html", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0});
        Fixtures.write(dir, "c-good.txt", "A Good Headline\n\n" + "This is the body of a perfectly ordinary article. ".repeat(20));
        Fixtures.write(dir, "d-broken.json", "{\"title\": \"x\", \"body\": ");
        Fixtures.write(dir, "e-not-a-feed.xml", "<?xml version=\"1.0\"?><rss><channel><item>");

        List<ExtractionResult> results = new ArrayList<>();
        for (Input input : new InputFiles(List.of(dir, dir.resolve("missing.txt")))) {
            extraction.extract(input, results::add);
        }

        assertThat(results).extracting(r -> r.error() == null ? "ok: " + r.article().headline() : r.error())
                .containsExactly(
                        dir.resolve("missing.txt") + ": no such file or folder",
                        dir.resolve("a-empty.txt") + ": empty file",
                        dir.resolve("b-binary.html") + ": binary data, not text",
                        "ok: A Good Headline",
                        dir.resolve("d-broken.json") + ": malformed JSON (Unexpected end-of-input within/between Object entries)",
                        dir.resolve("e-not-a-feed.xml")
                                + ": malformed feed (Invalid XML: Error on line 1: XML document structures must start and end within the same entity.)");
    }

    /**
     * A folder given as a link, or holding a link to another folder, used to yield no input at all (the run
     * said "0 files" and succeeded); a broken link was skipped without a word.
     */
    @Test
    void linkedFoldersAreReadAndABrokenLinkIsReported() throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        Fixtures.write(data, "a.txt", "Linked Folder Headline\n\n" + "An ordinary article body in a linked folder. ".repeat(20));
        Path top = java.nio.file.Files.createDirectories(dir.resolve("top"));
        Fixtures.write(top, "b.txt", "Top Folder Headline\n\n" + "An ordinary article body in the top folder. ".repeat(20));
        java.nio.file.Files.createSymbolicLink(top.resolve("linked"), data);
        java.nio.file.Files.createSymbolicLink(top.resolve("loop"), top);
        java.nio.file.Files.createSymbolicLink(top.resolve("gone.txt"), dir.resolve("nowhere.txt"));
        Path dataLink = java.nio.file.Files.createSymbolicLink(dir.resolve("data-link"), data);

        List<String> seen = new ArrayList<>();
        for (Input input : new InputFiles(List.of(top, dataLink))) {
            extraction.extract(input, r -> seen.add(r.error() == null ? "ok: " + r.article().headline() : r.error()));
        }

        assertThat(seen).containsExactly(
                top.resolve("gone.txt") + ": broken link, its target does not exist",
                "ok: Top Folder Headline",
                "ok: Linked Folder Headline",
                "ok: Linked Folder Headline");
    }

    @Test
    void pageOverTheDocumentLimitIsRefusedWithoutReadingIt() throws Exception {
        Path page = Fixtures.repeat(dir, "huge.html", "<html><body>", "<p>filler paragraph text</p>", 50L << 20,
                "</body></html>");

        List<ExtractionResult> results = extraction.extract(Input.ofFile(page));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.error())
                .isEqualTo(page + ": " + Sizes.describe(java.nio.file.Files.size(page))
                        + " is over the 10 MiB limit for one document"));
    }

    @Test
    void truncatedAndDeeplyNestedHtmlDoNotBreakTheBatch() throws Exception {
        Path truncated = Fixtures.write(dir, "truncated.html", Fixtures.page("Cut short", Fixtures.paragraphs("cuts", 4))
                .substring(0, 600));
        Path nested = Fixtures.write(dir, "nested.html", "<html><body>" + "<div>".repeat(100_000)
                + "<p>Deep text that should not crash anything at all.</p>" + "</div>".repeat(100_000) + "</body></html>");

        for (Path file : List.of(truncated, nested)) {
            List<ExtractionResult> results = extraction.extract(Input.ofFile(file));
            assertThat(results).singleElement().satisfies(r -> {
                if (!r.isOk()) {
                    assertThat(r.error()).startsWith(file.toString()).doesNotContain("\n");
                }
            });
        }
    }

    @Test
    void textInALegacyCharsetIsDecodedNotMangled() throws Exception {
        Path latin = Fixtures.write(dir, "latin.txt", FRENCH.replace('’', '\'').getBytes(Charset.forName("windows-1252")));
        Path utf16 = Fixtures.write(dir, "utf16.txt", ("\uFEFF" + FRENCH).getBytes(StandardCharsets.UTF_16LE));

        for (Path file : List.of(latin, utf16)) {
            ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);
            assertThat(result.error()).isNull();
            assertThat(result.article().headline()).isEqualTo("Élysée répond à Moscou");
            assertThat(result.article().language()).isEqualTo("fr");
            assertThat(ArticleText.body(result.article().paragraphs())).doesNotContain("\uFFFD");
        }
        assertThat(extraction.extract(Input.ofFile(latin)).get(0).raw().charset()).isEqualTo("windows-1252");
    }

    /** One damaged byte in a UTF-8 scrape used to turn every quote and dash of it into mojibake ("â€™"). */
    @Test
    void utf8WithADamagedByteStaysUtf8() throws Exception {
        String text = FRENCH + "\n\nLe Kremlin a répondu — «\u00a0sans délai\u00a0» — qu’il maintenait son offre, "
                + "a précisé le porte-parole de la présidence russe.\n\nLes deux capitales n’ont pas fixé de date.";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int cut = text.substring(0, text.indexOf("son offre")).getBytes(StandardCharsets.UTF_8).length;
        byte[] damaged = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, damaged, 0, cut);
        damaged[cut] = (byte) 0xFF;
        System.arraycopy(utf8, cut, damaged, cut + 1, utf8.length - cut);
        Path file = Fixtures.write(dir, "damaged.txt", damaged);

        ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);

        String body = ArticleText.body(result.article().paragraphs());
        assertThat(body).contains("qu’il maintenait \uFFFDson offre").contains("n’ont pas fixé").doesNotContain("â€");
        assertThat(result.article().headline()).isEqualTo("Élysée répond à Moscou");
        assertThat(result.raw().charset()).isEqualTo("UTF-8");
    }

    /**
     * Text that is not UTF-8 was read as Windows-1252 whatever its script: a Russian scrape in Windows-1251
     * or KOI8-R, or Chinese, Japanese or Korean in their legacy charsets, came out as Latin mojibake.
     */
    @Test
    void textInALegacyCharsetOfAnotherScriptIsDetected() throws Exception {
        String japanese = "プーチン大統領が選挙不干渉を提案\n\nロシアのプーチン大統領は金曜日、米国との間で選挙への"
                + "相互不干渉を約束することを提案した。クレムリンが声明で明らかにした。".repeat(3);
        String chinese = "普京提议俄美互不干涉选举\n\n俄罗斯总统普京周五提议，俄美两国应相互保证不干涉对方的选举和内政，"
                + "克里姆林宫在声明中表示。".repeat(3);
        String korean = "푸틴, 선거 불간섭 상호 보장 제안\n\n블라디미르 푸틴 러시아 대통령은 금요일 미국과 선거 불간섭을 "
                + "상호 보장하자고 제안했다고 크렘린궁이 밝혔다. ".repeat(3);
        record Case(String text, String charset, String language) {
        }
        for (Case c : List.of(new Case(RUSSIAN, "windows-1251", "ru"), new Case(RUSSIAN, "KOI8-R", "ru"),
                new Case(japanese, "Shift_JIS", "ja"), new Case(chinese, "GB18030", "zh"),
                new Case(korean, "EUC-KR", "ko"))) {
            Path file = Fixtures.write(dir, c.charset() + ".txt", c.text().getBytes(Charset.forName(c.charset())));

            ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);

            assertThat(result.error()).as(c.charset()).isNull();
            assertThat(result.article().headline()).as(c.charset()).isEqualTo(c.text().substring(0, c.text().indexOf('\n')));
            assertThat(result.article().language()).as(c.charset()).isEqualTo(c.language());
            assertThat(result.raw().charset()).as(c.charset()).isEqualTo(c.charset());
        }
    }

    /**
     * Latin-script languages beyond Western Europe, and Greek: read as Windows-1252, a Polish "się" became
     * "siê" and "ż" became "¿"; Turkish lost its "ş" and "ı"; Greek in Windows-1253 was read as ISO-8859-7,
     * its quotes turning into control characters and its "Ά" into a pilcrow.
     */
    @Test
    void textInAnotherLatinOrGreekCharsetIsDetected() throws Exception {
        String polish = "Putin proponuje Stanom Zjednoczonym wzajemną nieingerencję\n\nPrezydent Rosji zaproponował w "
                + "piątek, że oba państwa powinny zagwarantować sobie nieingerencję w wybory, podał Kreml. Źródła "
                + "w Waszyngtonie są sceptyczne, a zdaniem ekspertów oświadczenie ma charakter propagandowy. ".repeat(2);
        String czech = "Putin nabízí Spojeným státům vzájemné nevměšování\n\nRuský prezident v pátek navrhl, aby si obě "
                + "země zaručily nevměšování do voleb a vnitřních záležitostí, uvedl Kreml. Washington reagoval "
                + "zdrženlivě a odborníci považují prohlášení za součást propagandy. ".repeat(2);
        String turkish = "Putin ABD'ye seçimlere karışmama taahhüdü önerdi\n\nRusya Devlet Başkanı cuma günü iki ülkenin "
                + "birbirinin seçimlerine ve iç işlerine karışmamayı garanti etmesi gerektiğini söyledi. Şüpheler "
                + "sürüyor ve uzmanlar açıklamayı ihtiyatla karşıladı. ".repeat(2);
        String greek = "Άμεση πρόταση του Πούτιν για μη ανάμειξη στις εκλογές\n\nΟ Ρώσος πρόεδρος πρότεινε την Παρασκευή "
                + "στις Ηνωμένες Πολιτείες μια αμοιβαία δέσμευση μη ανάμειξης στις εκλογές. Το Κρεμλίνο τόνισε ότι "
                + "«και οι δύο πλευρές» πρέπει να εγγυηθούν τη μη ανάμειξη – “χωρίς όρους”. ".repeat(2);
        record Case(String text, String charset, String language) {
        }
        for (Case c : List.of(new Case(polish, "windows-1250", "pl"), new Case(czech, "windows-1250", "cs"),
                new Case(turkish, "windows-1254", "tr"), new Case(greek, "windows-1253", "el"),
                new Case(greek.replace('–', '-').replace('“', '«').replace('”', '»'), "ISO-8859-7", "el"))) {
            Path file = Fixtures.write(dir, c.charset() + c.language() + ".txt", c.text().getBytes(Charset.forName(c.charset())));

            ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);

            assertThat(result.error()).as(c.charset()).isNull();
            assertThat(result.article().headline()).as(c.charset()).isEqualTo(c.text().substring(0, c.text().indexOf('\n')));
            assertThat(ArticleText.body(result.article().paragraphs())).as(c.charset())
                    .isEqualTo(c.text().substring(c.text().indexOf("\n\n") + 2).strip());
            assertThat(result.article().language()).as(c.charset()).isEqualTo(c.language());
            assertThat(result.raw().charset()).as(c.charset()).isEqualTo(c.charset());
        }
    }

    /**
     * A few accented words in English give the charset statistics little to go on; such text stays
     * Windows-1252 rather than being taken for Central European ("Naïve" read as "Naďve").
     */
    @Test
    void englishWithAFewAccentedWordsStaysWindows1252() throws Exception {
        // ICU scores this text 45 for Latin-1 (English) and 45 for Latin-2 (Czech), and lists Latin-2 first.
        String text = "Café crème rose\n\nThe price of café rose 5%. Naïve traders sold.";
        Path file = Fixtures.write(dir, "english.txt", text.getBytes(Charset.forName("windows-1252")));

        ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);

        assertThat(result.article().headline()).isEqualTo("Café crème rose");
        assertThat(ArticleText.body(result.article().paragraphs())).isEqualTo("The price of café rose 5%. Naïve traders sold.");
        assertThat(result.raw().charset()).isEqualTo("windows-1252");
    }

    /** The original page is shown in the charset recorded here; an HTML file's used to be recorded as none. */
    @Test
    void anHtmlFileKeepsTheCharsetItWasReadWith() throws Exception {
        String page = "<html><head><meta charset=\"windows-1252\"><title>Élysée répond à Moscou</title></head><body>"
                + "<article><h1>Élysée répond à Moscou</h1>"
                + "<p>Le président a déclaré vendredi que la proposition russe méritait d’être étudiée.</p>".repeat(4)
                + "</article></body></html>";
        Path file = Fixtures.write(dir, "page.html", page.getBytes(Charset.forName("windows-1252")));

        ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);

        assertThat(result.article().headline()).isEqualTo("Élysée répond à Moscou");
        assertThat(result.raw().charset()).isEqualTo("windows-1252");
    }

    /** UTF-16 saved without a byte-order mark used to be refused as binary data for its NUL bytes. */
    @Test
    void utf16WithoutAByteOrderMarkIsReadAsText() throws Exception {
        String html = "<html><head><title>Élysée répond à Moscou</title></head><body><article><h1>Élysée répond à "
                + "Moscou</h1>" + ("<p>" + FRENCH.substring(24) + "</p>").repeat(2) + "</article></body></html>";
        // charset: what the raw document records, to show the original in
        record Case(String name, byte[] bytes, String headline, String charset) {
        }
        for (Case c : List.of(
                new Case("fr-be.txt", FRENCH.getBytes(StandardCharsets.UTF_16BE), "Élysée répond à Moscou", "UTF-16BE"),
                new Case("fr-le.txt", FRENCH.getBytes(StandardCharsets.UTF_16LE), "Élysée répond à Moscou", "UTF-16LE"),
                new Case("ru-be.txt", RUSSIAN.getBytes(StandardCharsets.UTF_16BE),
                        "Кремль предложил договор о невмешательстве", "UTF-16BE"),
                new Case("fr-le.html", html.getBytes(StandardCharsets.UTF_16LE), "Élysée répond à Moscou", "UTF-16LE"))) {
            ExtractionResult result = extraction.extract(Input.ofFile(Fixtures.write(dir, c.name(), c.bytes()))).get(0);
            assertThat(result.error()).as(c.name()).isNull();
            assertThat(result.article().headline()).as(c.name()).isEqualTo(c.headline());
            assertThat(ArticleText.body(result.article().paragraphs())).doesNotContain("\uFFFD").doesNotContain("\u0000");
            assertThat(result.raw().charset()).as(c.name()).isEqualTo(c.charset());
        }
        // Small 16-bit numbers have a zero byte in every pair too, but read as text they are control characters.
        java.nio.ByteBuffer numbers = java.nio.ByteBuffer.allocate(4000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 2000; i++) {
            numbers.putShort((short) (1 + i % 200));
        }
        ExtractionResult binary = extraction.extract(Input.ofFile(Fixtures.write(dir, "numbers.txt", numbers.array()))).get(0);
        assertThat(binary.error()).endsWith("binary data, not text");
    }

    @Test
    void textIsStoredInNfcWithTypographyKept() throws Exception {
        // "é" as e + combining acute (NFD), curly quotes and an em dash as published, stray zero-width space.
        String decomposed = "Cafe\u0301 talks resume\n\n“We are ready\u200B,” the minister said — again. "
                + "The talks in the cafe\u0301 lasted for hours and ended with a promise to meet again next month.";
        Path file = Fixtures.write(dir, "nfd.txt", decomposed);

        ExtractionResult result = extraction.extract(Input.ofFile(file)).get(0);

        assertThat(result.article().headline()).isEqualTo("Caf\u00E9 talks resume");
        assertThat(ArticleText.body(result.article().paragraphs())).startsWith("“We are ready,” the minister said — again.")
                .contains("caf\u00E9 lasted");
    }
}
