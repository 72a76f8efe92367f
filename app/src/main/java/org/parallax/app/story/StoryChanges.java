package org.parallax.app.story;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL's channel 'parallax_story' (see migration V40) for stories that changed, in this or
 * any other replica. While listening, {@link StoryCache} trusts its snapshots without asking the database;
 * when the connection drops it goes back to checking each story's version on every request until listening
 * again, and drops everything it kept, since notifications may have been missed meanwhile.
 */
@ApplicationScoped
public class StoryChanges {

    private static final Logger LOG = Logger.getLogger(StoryChanges.class);
    static final String CHANNEL = "parallax_story";

    private final String url;
    private final String user;
    private final String password;
    /** Counts changes and reconnects: a snapshot read before the count moved may already be stale. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile LongConsumer onChange = story -> { };
    private volatile Runnable onReset = () -> { };
    private Thread thread;

    public StoryChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "") String user,
                        @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") java.util.Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "parallax-story-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    void subscribe(LongConsumer changed, Runnable reset) {
        this.onChange = changed;
        this.onReset = reset;
    }

    /** True while every change reaches this replica. */
    public boolean listening() {
        return listening;
    }

    public long generation() {
        return generation.get();
    }

    private void run() {
        while (!stopped) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // Anything kept from before may have missed changes: start afresh, then trust what is read now.
                generation.incrementAndGet();
                onReset.run();
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications == null) {
                        // Waking up every 10 s without news: make sure the connection is still alive.
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        generation.incrementAndGet();
                        try {
                            onChange.accept(Long.parseLong(n.getParameter()));
                        } catch (NumberFormatException e) {
                            onReset.run();
                        }
                    }
                }
            } catch (SQLException e) {
                if (listening) {
                    LOG.warnf("Lost the story change notifications (%s); checking versions per request until back", e.getMessage());
                }
            } finally {
                listening = false;
                generation.incrementAndGet();
            }
            if (!stopped) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
