package org.parallax.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parallax.app.annotation.AnnotationFixtures;
import org.parallax.app.support.SeedArticles;
import org.parallax.app.support.TestSessions;

/**
 * Acceptance 2 of the annotations issue: hostile notes and tags render inert. Each payload is stored through
 * the API as a shared note and as a tag, then every page that shows annotations is opened in Chromium, for the
 * author and for another user: no dialog may open, and no element or attribute the payloads carry may exist.
 */
@QuarkusTest
class AnnotationXssBrowserTests {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('xss1')</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert('xss3')>",
            "<img src=\"javascript:alert('xss4')\">",
            "<svg onload=alert('xss5')>",
            "<svg><script>alert('xss6')</script></svg>",
            "<body onload=alert('xss7')>",
            "<iframe src=\"javascript:alert('xss8')\"></iframe>",
            "<a href=\"javascript:alert('xss9')\">click</a>",
            "<div onmouseover=\"alert('xss10')\">hover</div>",
            "\"><script>alert('xss11')</script>",
            "'><img src=x onerror=alert('xss12')>",
            "</textarea><script>alert('xss13')</script>",
            "</q><svg/onload=alert('xss14')>",
            "<details open ontoggle=alert('xss15')>",
            "<input autofocus onfocus=alert('xss16')>",
            "<video><source onerror=alert('xss17')></video>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss18')>",
            "<object data=\"javascript:alert('xss19')\"></object>",
            "<embed src=\"javascript:alert('xss20')\">",
            "<style>@import 'javascript:alert(\"xss21\")';</style>",
            "<marquee onstart=alert('xss22')>",
            "<form action=\"javascript:alert('xss23')\"><button>go</button></form>",
            "<isindex type=image src=1 onerror=alert('xss24')>",
            "<link rel=import href=\"data:text/html,<script>alert('xss25')</script>\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss26')\">",
            "<base href=\"javascript:alert('xss27')//\">",
            "<svg><a xlink:href=\"javascript:alert('xss28')\"><text y=20>x</text></a></svg>",
            "<img src=x:alert(alt) onerror=eval(src) alt=xss29>",
            "<scr<script>ipt>alert('xss30')</scr</script>ipt>",
            "[markdown link](javascript:alert('xss31'))",
            "[upper case](JaVaScRiPt:alert('xss32'))",
            "[entity](&#106;avascript:alert('xss33'))",
            "[data url](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzMzQnKTwvc2NyaXB0Pg==)",
            "[vbscript](vbscript:msgbox('xss35'))",
            "![image](javascript:alert('xss36'))",
            "![pixel](https://evil.example/pixel.png?xss37)",
            "<javascript:alert('xss38')>",
            "[spaced]( javascript:alert('xss39') )",
            "[newline](java\nscript:alert('xss40'))",
            "[title](https://example.org \"\\\" onmouseover=alert('xss41') x=\\\"\")",
            "[ref][x]\n\n[x]: javascript:alert('xss42')",
            "`<script>alert('xss43')</script>` and ```\n<img src=x onerror=alert('xss44')>\n```",
            "> <img src=x onerror=alert('xss45')>",
            "* <svg onload=alert('xss46')>",
            "{{constructor.constructor('alert(\"xss47\")')()}}",
            "{inject:csrf.token} {#for x in y}xss48{/for}",
            "&lt;script&gt;alert('xss49')&lt;/script&gt;",
            "<a href=\"https://example.org\" onclick=\"alert('xss50')\">ok link</a>",
            "\u202e<script>alert('xss51')</script>\u0000");

    @RegisterExtension
    static final SharedBrowser browser = new SharedBrowser();

    @TestHTTPResource("/")
    URL home;

    @Inject
    SeedArticles seeds;

    @Inject
    AnnotationFixtures fixtures;

    @Test
    void fiftyHostileNotesAndTagsRenderInert() {
        assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(50);
        long article = seeds.idOf("001_3d7b2ec1440a76b5.txt");
        String body = fixtures.body(article);
        String passage = body.substring(body.indexOf("\n\n") + 2, body.indexOf("\n\n") + 42);
        TestSessions.Session author = TestSessions.reader();
        for (String payload : PAYLOADS) {
            // Tags may not hold commas (the API refuses them): hostile otherwise, as typed.
            String tag = (payload.length() > 50 ? payload.substring(0, 50) : payload).replace(',', '-');
            author.request().contentType("application/ld+json; charset=UTF-8")
                    .body(fixtures.annotationOn(article, passage, payload, List.of(tag), "shared"))
                    .post("/api/annotations").then().statusCode(201);
        }
        TestSessions.Session other = TestSessions.reader();

        List<String> dialogs = new ArrayList<>();
        for (String user : List.of(author.username(), other.username())) {
            Page page = browser.newPage();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            AnnotationBrowserTests.logIn(page, home.toString(), user, TestSessions.PASSWORD);
            List<String> pages = new ArrayList<>(List.of("articles/" + article));
            if (user.equals(author.username())) {
                pages.add("me/annotations");
                pages.add("me/annotations?tag=" + java.net.URLEncoder.encode(PAYLOADS.get(2).replaceAll("\\s+", "-"),
                        java.nio.charset.StandardCharsets.UTF_8));
                pages.add("me/annotations?q=alert");
            }
            for (String path : pages) {
                page.navigate(home + path);
                page.waitForLoadState();
                // Give any injected handler (onload, onfocus, autofocus, ontoggle) the chance to run.
                page.locator(".annotation__note").first().hover();
                page.keyboard().press("Tab");
                page.waitForTimeout(300);
                int notes = page.locator(".annotation__note").count();
                assertThat(notes).as("notes rendered on %s", path).isGreaterThanOrEqualTo(path.contains("?") ? 1 : 40);
                assertThat(injected(page)).as("injected elements on %s for %s", path, user).isEmpty();
                String text = page.locator("#main").innerText();
                assertThat(text).as("payloads are shown as text on %s", path).contains("alert('xss");
            }
            BrowserSession.screenshot(page, "annotations-xss-" + (user.equals(author.username()) ? "author" : "other"));
            page.context().close();
        }
        assertThat(dialogs).isEmpty();
    }

    /** Anything a payload could have smuggled into the DOM, described. */
    @SuppressWarnings("unchecked")
    static List<String> injected(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const found = [];
                  for (const e of document.querySelectorAll('*')) {
                    const tag = e.tagName.toLowerCase();
                    if (tag === 'script' && e.getAttribute('src') !== '/js/annotate.js') found.push('script');
                    if (['svg', 'iframe', 'img', 'object', 'embed', 'math', 'video', 'marquee', 'isindex', 'base',
                         'style', 'link', 'meta', 'source'].includes(tag) && e.closest('#main')) found.push(tag);
                    for (const a of e.attributes) {
                      if (a.name.startsWith('on')) found.push(tag + '[' + a.name + ']');
                      if (['href', 'src', 'action', 'data', 'xlink:href', 'formaction'].includes(a.name)
                          && /^\\s*(javascript|data|vbscript):/i.test(a.value)) found.push(tag + '[' + a.name + '=' + a.value + ']');
                    }
                  }
                  return found;
                }""");
    }
}
