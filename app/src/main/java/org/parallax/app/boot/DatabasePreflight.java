package org.parallax.app.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Makes sure the database is there before Quarkus starts: creates it when the server is reachable but
 * the database is missing, and turns an unreachable server into one message that says how to fix it.
 */
public final class DatabasePreflight {

    private static final String UNDEFINED_DATABASE = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";

    private DatabasePreflight() {
    }

    /** Thrown with a message meant for the person at the terminal; no stack trace needed. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    public static void ensureDatabase(DatabaseSettings settings) throws Unavailable {
        try (Connection ignored = connect(settings.jdbcUrl(), settings)) {
            return;
        } catch (SQLException e) {
            if (!UNDEFINED_DATABASE.equals(e.getSQLState())) {
                throw unavailable(settings, e);
            }
        }
        create(settings);
    }

    private static void create(DatabaseSettings settings) throws Unavailable {
        String name = settings.databaseName();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new Unavailable("Database '" + name + "' does not exist and its name is not one Parallax will "
                    + "create by itself. Create it with: createdb '" + name + "'");
        }
        try (Connection c = connect(settings.maintenanceUrl(), settings); Statement s = c.createStatement()) {
            s.execute("create database " + name);
            System.err.println("Parallax: created database '" + name + "'.");
        } catch (SQLException e) {
            // Replicas starting together race to create it: the loser sees "already exists", a unique
            // violation on pg_database, or "template1 is being accessed by other users". Wait for it.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !appears(settings)) {
                throw new Unavailable("Database '" + name + "' does not exist and could not be created ("
                        + firstLine(e) + "). Create it with: createdb -h <host> -U <user> " + name);
            }
        }
    }

    /** Whether the database becomes reachable within a few seconds (another process is creating it). */
    private static boolean appears(DatabaseSettings settings) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (Connection ignored = connect(settings.jdbcUrl(), settings)) {
                return true;
            } catch (SQLException e) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static Connection connect(String url, DatabaseSettings settings) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.username());
        if (settings.password() != null && !settings.password().isEmpty()) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(url, props);
    }

    private static Unavailable unavailable(DatabaseSettings settings, SQLException e) {
        return new Unavailable("""
                Parallax cannot reach PostgreSQL at %s as user '%s': %s
                  Start PostgreSQL (on Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start),
                  or point Parallax at your server with QUARKUS_DATASOURCE_JDBC_URL,
                  QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD."""
                .formatted(settings.jdbcUrl(), settings.username(), firstLine(e)));
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
