package dev.allframe.jpa.internal;

import dev.allframe.EventStoreException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * An append on PostgreSQL in one round trip and the commit, where the portable path needs four round trips
 * before the commit (lock the head, read the stream's version, insert, raise the head). Two statements go to
 * the database together ({@link PostgresStatements}): the first locks the head row and raises it, which gives
 * the events their positions; the second reads the head and the stream's version, checks the append condition
 * and inserts every event, or none when the condition does not hold. Each statement takes its own snapshot
 * when it starts, and the second starts once the first holds the lock, so under read committed it sees every
 * append committed before this one.
 * <p>
 * The head stays locked until the transaction ends, as on the portable path, so the global order has no gap
 * a reader could overtake. When the condition fails, the head is lowered again before the conflict is
 * reported, which leaves a transaction the caller keeps (JTA) without a trace of the attempt.
 * <p>
 * When nothing else has to run in the append's transaction, {@link #appendAlone} sends the same two
 * statements on a connection in autocommit mode. PostgreSQL runs the statements sent before one sync as one
 * implicit transaction and commits it when the last one has run, so the append and its commit take one
 * round trip, like a plain insert in autocommit mode. There a refused condition has to fail the statement, so
 * that the implicit transaction rolls back with the raised head.
 */
final class PostgresAppender {

    private static final String NOT_NULL_VIOLATION = "23502";

    private final PostgresStatements statements;

    PostgresAppender(PostgresStatements statements) {
        this.statements = statements;
    }

    /** Appends {@code prepared}'s events, which must not be empty, on {@code connection}'s transaction. */
    AppendResult append(Connection connection, PreparedAppend prepared) throws SQLException {
        AppendRequest request = prepared.request();
        int count = prepared.size();
        try (PreparedStatement append = connection.prepareStatement(statements.append())) {
            statements.bindAppend(append, 1, connection, prepared);
            append.execute();
            long head = statements.headBefore(append.getResultSet(), count);
            append.getMoreResults();
            OptionalLong version = statements.insertedVersion(append.getResultSet(), count);
            if (version.isEmpty()) {
                statements.lowerHead(connection, count);
                throw AppendConditions.conflict(request, statements.streamVersion(connection, request.streamId()));
            }
            return statements.appended(prepared, head, version.getAsLong());
        }
    }

    /**
     * Appends {@code prepared}'s events, which must not be empty, in a transaction of their own on
     * {@code connection}, which must be in autocommit mode.
     */
    AppendResult appendAlone(Connection connection, PreparedAppend prepared) throws SQLException {
        AppendRequest request = prepared.request();
        int count = prepared.size();
        long head;
        OptionalLong version;
        try (PreparedStatement append = connection.prepareStatement(statements.appendAlone())) {
            statements.bindAppendAlone(append, connection, prepared);
            append.execute();
            head = statements.headBefore(append.getResultSet(), count);
            append.getMoreResults();
            version = statements.insertedVersion(append.getResultSet(), count);
        } catch (SQLException e) {
            if (refusedCondition(e)) {
                throw AppendConditions.conflict(request, statements.streamVersion(connection, request.streamId()));
            }
            throw e;
        }
        if (version.isEmpty()) {
            throw new EventStoreException(JpaStoreMessages.headRowMissing());
        }
        return statements.appended(prepared, head, version.getAsLong());
    }

    /** Whether {@code e} is the refusal of the condition: the stream's version read as {@code null} and refused. */
    private static boolean refusedCondition(SQLException e) {
        String message = e.getMessage();
        return NOT_NULL_VIOLATION.equals(e.getSQLState()) && message != null && message.contains("stream_version");
    }
}
