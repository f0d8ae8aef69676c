package dev.allframe.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells the servers listening on the schema ({@link PostgresNotifications}) that events up to a position committed:
 * {@code a <position>}, in a transaction of its own, on a connection outside any other transaction. Its commit does
 * not wait for the flush of the database's log: a notice is a hint, which a poll makes up for.
 */
public final class PostgresNotice implements CommitNotices.Sender {

    /** The statement of a notice: its channel, then what it tells. */
    static final String NOTIFY = "SELECT set_config('synchronous_commit', 'off', true), pg_notify(?, ?)";

    private final PostgresNotifications.Connections connections;
    /** The schema's channel, once known. */
    private volatile String channel;

    /** @param connections runs the work on a connection outside any transaction */
    public PostgresNotice(PostgresNotifications.Connections connections) {
        this.connections = connections;
    }

    @Override
    public void send(long head) {
        connections.run(JdbcWork.inAutocommit(connection -> {
            notify(connection, head);
            return null;
        }));
    }

    private void notify(Connection connection, long head) throws SQLException {
        String to = channel;
        if (to == null) {
            to = PostgresNotifications.channel(connection.getSchema());
            channel = to;
        }
        try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
            statement.setString(1, to);
            statement.setString(2, "a " + head);
            statement.execute();
        }
    }
}
