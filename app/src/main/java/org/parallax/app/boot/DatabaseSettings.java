package org.parallax.app.boot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * The datasource settings as Quarkus will see them, read before Quarkus starts: system property, then
 * the standard {@code QUARKUS_DATASOURCE_*} environment variable, then {@code application.properties}.
 */
public record DatabaseSettings(String jdbcUrl, String username, String password) {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";
    static final String USER_KEY = "quarkus.datasource.username";
    static final String PASSWORD_KEY = "quarkus.datasource.password";

    public static DatabaseSettings resolve(Properties system, Map<String, String> env) {
        Properties file = new Properties();
        try (InputStream in = DatabaseSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            // Without the file the built-in defaults below still name the local server.
        }
        return new DatabaseSettings(
                lookup(URL_KEY, system, env, file, "jdbc:postgresql://localhost:5432/parallax"),
                lookup(USER_KEY, system, env, file, "postgres"),
                lookup(PASSWORD_KEY, system, env, file, ""));
    }

    private static String lookup(String key, Properties system, Map<String, String> env, Properties file,
                                 String fallback) {
        String value = system.getProperty(key);
        if (value == null) {
            value = env.get(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null ? fallback : value;
    }

    /** The database name at the end of the JDBC URL, without parameters. */
    public String databaseName() {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return username;
        }
        String name = rest.substring(slash + 1);
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }

    /** The same server's maintenance database, used to create ours. */
    public String maintenanceUrl() {
        String db = databaseName();
        int at = jdbcUrl.indexOf("/" + db, jdbcUrl.indexOf("//") + 2);
        return jdbcUrl.substring(0, at) + "/postgres" + jdbcUrl.substring(at + 1 + db.length());
    }
}
