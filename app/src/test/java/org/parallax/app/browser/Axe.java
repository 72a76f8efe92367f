package org.parallax.app.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** axe-core, read from its webjar on the test classpath and run inside the page. */
public final class Axe {

    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String source;

    private Axe() {
    }

    /**
     * The serious and critical violations on the page, one line each ("rule: help at selector"). The page must
     * come from {@link BrowserSession#newPage(int, int, boolean)} with the CSP bypassed.
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        Map<String, Object> result = (Map<String, Object>) page.evaluate("""
                async () => {
                  const result = await axe.run(document);
                  return { passed: result.passes.length, serious: result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')) };
                }""");
        // A run that checked nothing would pass any page: make sure the rules really ran.
        if (((Number) result.get("passed")).intValue() < 10) {
            throw new AssertionError("axe-core checked almost nothing on " + page.url() + ": " + result);
        }
        return (List<String>) result.get("serious");
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the test classpath (org.webjars.npm:axe-core)");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
