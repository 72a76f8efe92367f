package org.parallax.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parallax.core.article.ArticleDraft;
import org.parallax.ingest.text.OutletRecognizer;

class HtmlCharsetTests {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String BODY = "<p>Le café “Chez Zoë” a rouvert ses portes après l’été — crème brûlée, "
            + "façade rénovée et naïveté retrouvée pour les habitués du quartier, qui attendaient cela depuis longtemps.</p>";

    private final HtmlExtractor extractor = new HtmlExtractor(OutletRecognizer.standard());

    private static String page(String head) {
        return "<html><head>" + head + "<title>Réouverture du café</title></head><body><article>" + BODY
                + "</article></body></html>";
    }

    private HtmlArticle extract(byte[] bytes, String transportCharset) throws Exception {
        return extractor.extractArticle("page.html", bytes, null, transportCharset);
    }

    private static void assertReadable(HtmlArticle article) {
        ArticleDraft draft = article.draft();
        assertThat(draft.headline()).isEqualTo("Réouverture du café");
        assertThat(draft.paragraphs().get(0).text()).startsWith("Le café “Chez Zoë” a rouvert ses portes après l’été — crème");
    }

    @Test
    void honoursAMetaCharset() throws Exception {
        HtmlArticle article = extract(page("<meta charset=\"windows-1252\">").getBytes(WINDOWS_1252), null);
        assertReadable(article);
        assertThat(article.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void honoursAnHttpEquivContentType() throws Exception {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">").getBytes(WINDOWS_1252);
        assertReadable(extract(bytes, null));
    }

    @Test
    void prefersTheTransportCharsetOverTheMetaTag() throws Exception {
        Charset shiftJis = Charset.forName("Shift_JIS");
        byte[] bytes = japanesePage("<meta charset=\"windows-1252\">").getBytes(shiftJis);

        HtmlArticle article = extract(bytes, "Shift_JIS");

        assertThat(article.charset()).isEqualTo(shiftJis);
        assertThat(article.draft().headline()).isEqualTo("図書館の開館時間延長");
    }

    @Test
    void readsValidUtf8DespiteAWrongLatin1Declaration() throws Exception {
        HtmlArticle article = extract(page("<meta charset=\"iso-8859-1\">").getBytes(StandardCharsets.UTF_8), null);
        assertReadable(article);
        assertThat(article.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void sniffsUtf8WithoutAnyDeclaration() throws Exception {
        assertReadable(extract(page("").getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void fallsBackToWindows1252ForUndeclaredSingleByteText() throws Exception {
        HtmlArticle article = extract(page("").getBytes(WINDOWS_1252), null);
        assertReadable(article);
        assertThat(article.charset()).isEqualTo(WINDOWS_1252);
    }

    /** Undeclared legacy pages used to be read as Windows-1252 whatever their language. */
    @Test
    void sniffsAnUndeclaredLegacyCharsetOfAnotherScript() throws Exception {
        Charset shiftJis = Charset.forName("Shift_JIS");
        HtmlArticle japanese = extract(japanesePage("").getBytes(shiftJis), null);
        assertThat(japanese.charset()).isEqualTo(shiftJis);
        assertThat(japanese.draft().headline()).isEqualTo("図書館の開館時間延長");

        assertSniffed("windows-1251", "Кремль предложил договор", "Президент России предложил Соединённым Штатам "
                + "обменяться гарантиями невмешательства в выборы и внутренние дела друг друга, сообщил Кремль в пятницу.");
    }

    /** An undeclared Polish page was read as Windows-1252: "Źródła" came out as "Ÿród³a". */
    @Test
    void sniffsAnUndeclaredCentralEuropeanPage() throws Exception {
        assertSniffed("windows-1250", "Putin proponuje wzajemną nieingerencję", "Prezydent Rosji zaproponował w "
                + "piątek, że oba państwa powinny zagwarantować sobie nieingerencję w wybory. Źródła w Waszyngtonie "
                + "są sceptyczne, podał Kreml.");
    }

    /** A page of three paragraphs in this charset, declared nowhere, is read in it. */
    private void assertSniffed(String charsetName, String title, String paragraph) throws Exception {
        Charset charset = Charset.forName(charsetName);
        String page = "<html><head><title>" + title + "</title></head><body><article>"
                + ("<p>" + paragraph + "</p>").repeat(3) + "</article></body></html>";

        HtmlArticle article = extract(page.getBytes(charset), null);

        assertThat(article.charset()).isEqualTo(charset);
        assertThat(article.draft().headline()).isEqualTo(title);
        assertThat(article.draft().paragraphs().get(0).text()).isEqualTo(paragraph);
    }

    @Test
    void followsAByteOrderMark() throws Exception {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                page("<meta charset=\"windows-1252\">").getBytes(StandardCharsets.UTF_8));
        assertReadable(extract(utf8, null));

        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, page("").getBytes(StandardCharsets.UTF_16LE));
        HtmlArticle article = extract(utf16, null);
        assertReadable(article);
        assertThat(article.charset()).isEqualTo(StandardCharsets.UTF_16LE);
    }

    private static String japanesePage(String head) {
        String paragraph = "<p>東京の図書館は来月から夜九時まで開館することになりました。利用者の要望に応えたもので、"
                + "週末の開館時間も延長されます。新しい閲覧室には三百席が用意され、学生や社会人の利用が見込まれています。"
                + "館長は、地域の学びの場としての役割をさらに広げたいと話しています。</p>";
        return "<html><head>" + head + "<title>図書館の開館時間延長</title></head><body><div>" + paragraph.repeat(3)
                + "</div></body></html>";
    }

    @Test
    void decodesADeclaredMultiByteLegacyCharset() throws Exception {
        ArticleDraft draft = extract(japanesePage("<meta charset=\"Shift_JIS\">").getBytes(Charset.forName("Shift_JIS")),
                null).draft();

        assertThat(draft.headline()).isEqualTo("図書館の開館時間延長");
        assertThat(draft.paragraphs().get(0).text()).startsWith("東京の図書館は来月から");
    }

    @Test
    void keepsUtf8WhenAPageIsCutInsideACharacter() throws Exception {
        byte[] full = page("").getBytes(StandardCharsets.UTF_8);
        int cut = indexOf(full, "brûlée".getBytes(StandardCharsets.UTF_8)) + 4; // between the two bytes of "û"
        HtmlArticle article = extract(Arrays.copyOf(full, cut), null);

        assertThat(article.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(article.draft().paragraphs().get(0).text()).startsWith("Le café “Chez Zoë”");
    }

    @Test
    void normalisesToNfcAndCollapsesWhitespace() throws Exception {
        String decomposed = "Cafe\u0301 de\u00A0la\u2009 gare\u200B,\n\t  ouvert";
        String html = "<html><head><title>Horaires</title></head><body><article><p>" + decomposed
                + " tous les jours de six heures du matin à minuit, y compris les jours fériés et pendant les vacances "
                + "scolaires, a annoncé la direction de la gare dans un communiqué publié hier.</p></article></body></html>";

        String text = extract(html.getBytes(StandardCharsets.UTF_8), null).draft().paragraphs().get(0).text();

        assertThat(text).startsWith("Café de la gare, ouvert tous les jours");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
