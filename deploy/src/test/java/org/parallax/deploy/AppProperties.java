package org.parallax.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/** The app's application.properties, for the settings the deployment files must agree with. */
record AppProperties(Properties properties) {

    static AppProperties load() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(DeployFiles.read(
                    DeployFiles.DEPLOY.resolveSibling("app").resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw StrictYaml.unreadable("application.properties", e);
        }
        return new AppProperties(properties);
    }

    /** The longest a stop can take: the pre-shutdown delay plus the time requests in flight get. */
    long shutdownSeconds() {
        return duration("quarkus.shutdown.delay").plus(duration("quarkus.shutdown.timeout")).toSeconds();
    }

    private Duration duration(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("application.properties does not set " + key);
        }
        String iso = value.toUpperCase(Locale.ROOT);
        return Duration.parse(iso.startsWith("P") ? iso : "PT" + iso);
    }
}
