package org.parallax.app.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteRendererTests {

    @Test
    void rendersTheSafeSubset() {
        assertThat(NoteRenderer.html("Some *emphasis*, **strong** and `code`"))
                .isEqualTo("<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code></p>\n");
        assertThat(NoteRenderer.html("[a link](https://example.org/x?a=1&b=2)"))
                .isEqualTo("<p><a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/x?a=1&amp;b=2\">a link</a></p>\n");
        assertThat(NoteRenderer.html("line one\nline two")).isEqualTo("<p>line one<br>line two</p>\n");
        assertThat(NoteRenderer.html("# not a heading")).isEqualTo("<p># not a heading</p>\n");
    }

    @Test
    void escapesHtmlAndDropsUnsafeUrls() {
        assertThat(NoteRenderer.html("<script>alert(1)</script>")).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(NoteRenderer.html("<img src=x onerror=alert(1)>")).doesNotContain("<img").contains("&lt;img");
        assertThat(NoteRenderer.html("[x](javascript:alert(1))")).doesNotContain("javascript").contains("href=\"\"");
        assertThat(NoteRenderer.html("[x](JaVaScRiPt:alert(1))")).doesNotContainIgnoringCase("javascript");
        assertThat(NoteRenderer.html("[x](&#106;avascript:alert(1))")).doesNotContain("avascript:");
        assertThat(NoteRenderer.html("[x](data:text/html,hi)")).doesNotContain("data:");
        assertThat(NoteRenderer.html("<javascript:alert(1)>")).doesNotContain("href=\"javascript");
        assertThat(NoteRenderer.html("[mail](mailto:a@example.org)")).contains("href=\"mailto:a@example.org\"");
    }

    @Test
    void imagesBecomeTheirAltText() {
        assertThat(NoteRenderer.html("![a tracking pixel](https://evil.example/p.png)"))
                .isEqualTo("<p>a tracking pixel</p>\n");
    }

    @Test
    void noNoteRendersNothing() {
        assertThat(NoteRenderer.html(null)).isEmpty();
        assertThat(NoteRenderer.html("  ")).isEmpty();
    }
}
