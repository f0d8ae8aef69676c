package dev.allframe.jpa.internal;

import dev.allframe.spi.event.RemoteChangeListener;
import dev.allframe.spi.event.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on one connection of its own for what the servers sharing the schema commit, as the triggers of the
 * PostgreSQL script tell it ({@code LISTEN "allframe.<schema>"}), and hands each notification to the listener, in
 * order, from the one thread listening. Loaded only on PostgreSQL, with the driver at hand.
 */
public final class PostgresNotifications implements Subscription {

    private static final Logger LOG = Logger.getLogger(PostgresNotifications.class.getName());
    /** How long one wait for notifications lasts: how soon the listening ends once closed. */
    private static final int WAIT_MILLIS = 250;

    private final Connections connections;
    private final RemoteChangeListener listener;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closed;

    /** Where the listening connection comes from: it runs the work on one connection and gives it back after. */
    @FunctionalInterface
    public interface Connections {
        void run(JdbcWork<Void> work);
    }

    public PostgresNotifications(Connections connections, RemoteChangeListener listener) {
        this.connections = connections;
        this.listener = listener;
    }

    /** The channel the triggers notify for a schema: at most 63 characters, as PostgreSQL keeps names. */
    public static String channel(String schema) {
        String channel = "allframe." + schema;
        return channel.length() > 63 ? channel.substring(0, 63) : channel;
    }

    /** Listens until closed, or until the connection fails, which it tells the listener. */
    public void run() {
        Throwable failure = null;
        try {
            connections.run(JdbcWork.inAutocommit(this::listenOn));
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            listening.countDown();
            ended.countDown();
        }
        if (failure != null && !closed) {
            listener.lost(failure);
        }
    }

    private Void listenOn(Connection connection) throws SQLException {
        String channel = '"' + channel(connection.getSchema()).replace("\"", "\"\"") + '"';
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
            listening.countDown();
            try {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            tell(notification.getParameter());
                        }
                    }
                }
            } finally {
                statement.execute("UNLISTEN " + channel);
            }
        }
        return null;
    }

    /** One notification: {@code a <head>}, {@code c <checkpoint> <projection>} or {@code k <projection>}. */
    private void tell(String payload) {
        try {
            if (payload.startsWith("a ")) {
                listener.appended(Long.parseLong(payload.substring(2)));
            } else if (payload.startsWith("c ")) {
                int space = payload.indexOf(' ', 2);
                listener.progressed(payload.substring(space + 1), Long.parseLong(payload.substring(2, space)));
            } else if (payload.startsWith("k ")) {
                listener.controlled(payload.substring(2));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> JpaStoreMessages.notificationNotTaken(payload).toString());
        }
    }

    /**
     * Waits up to {@code timeout} until it listens, so that what commits after is heard; {@code false} if it does not
     * listen by then.
     */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return listening.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && ended.getCount() > 0;
    }

    /** Stops listening, and waits a moment for the listening thread to end. */
    @Override
    public void close() {
        closed = true;
        try {
            ended.await(2L * WAIT_MILLIS + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
