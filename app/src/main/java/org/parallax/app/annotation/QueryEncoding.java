package org.parallax.app.annotation;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code {tag.queryValue}}: a value made safe for a URL's query string (Qute then escapes it for HTML). */
@TemplateExtension
public class QueryEncoding {

    static String queryValue(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
