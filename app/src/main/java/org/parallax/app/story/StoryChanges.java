package org.parallax.app.story;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
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
 *
 * <p>Notifications arrive a moment after their transaction commits, on this class's own thread. So that a
 * reader who has just changed a story (an editor's removal, merge or split) is not shown the snapshot from
 * before it by this replica, {@link #catchUp} lets a request wait until every change committed before it
 * has been seen (PostgreSQL delivers notifications in commit order).
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
    /** Marks this replica's catch-up notifications, which the others ignore. */
    private final String marker = SYNC + UUID.randomUUID() + ":";
    private final AtomicLong syncsSent = new AtomicLong();
    private final Object syncs = new Object();
    private long syncsSeen;
    private final AgroalDataSource dataSource;

    public StoryChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "") String user,
                        @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") java.util.Optional<String> password,
                        AgroalDataSource dataSource) {
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
        this.dataSource = dataSource;
    }

    static final String SYNC = "sync:";

    /**
     * Waits, at most {@code max}, until this replica has seen every story change committed before the call:
     * it sends a notification of its own and waits for it to come back, behind all earlier ones. Returns at
     * once when not listening (then each request checks the story's version anyway). True when caught up.
     */
    public boolean catchUp(Duration max) {
        if (!listening) {
            return true;
        }
        long sync = syncsSent.incrementAndGet();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, marker + sync);
            notify.execute();
        } catch (SQLException e) {
            LOG.debugf("Could not send a catch-up notification: %s", e.getMessage());
            return false;
        }
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (syncs) {
            while (syncsSeen < sync && listening) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    syncs.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return syncsSeen >= sync || !listening;
        }
    }

    private void seen(String payload) {
        if (!payload.startsWith(marker)) {
            return;
        }
        try {
            long sync = Long.parseLong(payload.substring(marker.length()));
            synchronized (syncs) {
                syncsSeen = Math.max(syncsSeen, sync);
                syncs.notifyAll();
            }
        } catch (NumberFormatException e) {
            LOG.debugf("Unreadable catch-up notification %s", payload);
        }
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
                        if (n.getParameter().startsWith(SYNC)) {
                            seen(n.getParameter());
                            continue;
                        }
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
                synchronized (syncs) {
                    // Whoever waits goes on: without listening, snapshots are checked per request.
                    syncs.notifyAll();
                }
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
