package org.parallax.app.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Chromium a browser test class shares, started before its first test and closed after its last:
 * {@code @RegisterExtension static final SharedBrowser browser = new SharedBrowser();}. The class is skipped,
 * with the reason, where Chromium is missing ({@link BrowserSession#startOrSkip()}).
 */
public final class SharedBrowser implements BeforeAllCallback, AfterAllCallback {

    private BrowserSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = BrowserSession.startOrSkip();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        BrowserSession.closeIfStarted(session);
        session = null;
    }

    public Page newPage() {
        return session.newPage();
    }

    public Page newPage(int width, int height, boolean bypassCsp) {
        return session.newPage(width, height, bypassCsp);
    }
}
