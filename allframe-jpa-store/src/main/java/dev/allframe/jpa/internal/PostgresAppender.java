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
 * before the commit (lock the head, read the stream's version, insert, raise the head), and two more for a query
 * condition and tags. Two statements go to the database together ({@link PostgresStatements}): the first locks the
 * head row and raises it, which gives the events their positions; the second reads the head and the stream's
 * version, checks the append's conditions (the stream's version, and that no event after the query condition's
 * position matches its query) and inserts every event with its tags' rows, or none when a condition does not hold.
 * Each statement takes its own snapshot when it starts, and the second starts once the first holds the lock, so
 * under read committed it sees every append committed before this one.
 * <p>
 * The head stays locked until the transaction ends, as on the portable path, so the global order has no gap
 * a reader could overtake. When a condition fails, the head is lowered again before the conflict is
 * reported, which leaves a transaction the caller keeps (JTA) without a trace of the attempt; the stream's version
 * and the first event matching the query, read in the same round trip, tell which condition failed.
 * <p>
 * When nothing else has to run in the append's transaction, {@link #appendAlone} sends the same two
 * statements on a connection in autocommit mode. PostgreSQL runs the statements sent before one sync as one
 * implicit transaction and commits it when the last one has run, so the append and its commit take one
 * round trip, like a plain insert in autocommit mode. There a refused condition has to fail the statement, so
 * that the implicit transaction rolls back with the raised head: a refused stream version leaves the version
 * {@code null}, a refused query condition (the stream's version accepted) the type name, each in its
 * {@code NOT NULL} column, and which column the database names tells which condition failed.
 */
final class PostgresAppender {

    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String VERSION_COLUMN = "stream_version";
    private static final String TYPE_COLUMN = "type_name";

    private final PostgresStatements statements;

    PostgresAppender(PostgresStatements statements) {
        this.statements = statements;
    }

    /** Appends {@code prepared}'s events, which must not be empty, on {@code connection}'s transaction. */
    AppendResult append(Connection connection, PreparedAppend prepared) throws SQLException {
        int count = prepared.size();
        try (PreparedStatement append = connection.prepareStatement(statements.append(prepared))) {
            statements.bindAppend(append, 1, connection, prepared);
            append.execute();
            long head = statements.headBefore(append.getResultSet(), count);
            append.getMoreResults();
            OptionalLong version = statements.insertedVersion(append.getResultSet(), count);
            if (version.isEmpty()) {
                throw statements.refuse(connection, prepared);
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
        try (PreparedStatement append = connection.prepareStatement(statements.appendAlone(prepared))) {
            statements.bindAppendAlone(append, connection, prepared);
            append.execute();
            head = statements.headBefore(append.getResultSet(), count);
            append.getMoreResults();
            version = statements.insertedVersion(append.getResultSet(), count);
        } catch (SQLException e) {
            String refused = refusedColumn(e);
            if (VERSION_COLUMN.equals(refused)) {
                throw AppendConditions.conflict(request, statements.streamVersion(connection, request.streamId()));
            }
            if (TYPE_COLUMN.equals(refused) && request.queryCondition() != null) {
                throw PostgresQueryCondition.conflict(request,
                        PostgresQueryCondition.firstMatch(connection, request.queryCondition()));
            }
            throw e;
        }
        if (version.isEmpty()) {
            throw new EventStoreException(JpaStoreMessages.headRowMissing());
        }
        return statements.appended(prepared, head, version.getAsLong());
    }

    /**
     * The column whose {@code null} value {@code e} refused, of the two that tell a refused condition; {@code null}
     * for any other error. The driver's report of the column is read when it gives one, which no language of the
     * server's messages changes; else the first line of the message is searched (the row it quotes after that line
     * may hold any text).
     */
    private static String refusedColumn(SQLException e) {
        if (!NOT_NULL_VIOLATION.equals(e.getSQLState())) {
            return null;
        }
        String column = reportedColumn(e);
        String named = column != null ? column : firstLine(e.getMessage());
        if (named.contains(VERSION_COLUMN)) {
            return VERSION_COLUMN;
        }
        return named.contains(TYPE_COLUMN) ? TYPE_COLUMN : null;
    }

    /**
     * The column PostgreSQL's driver says the error is about ({@code PSQLException.getServerErrorMessage()
     * .getColumn()}), looked up by reflection: the driver's classes need not be visible to the application's loader.
     */
    private static String reportedColumn(SQLException e) {
        try {
            Object report = e.getClass().getMethod("getServerErrorMessage").invoke(e);
            return report == null ? null : (String) report.getClass().getMethod("getColumn").invoke(report);
        } catch (ReflectiveOperationException | RuntimeException notPostgres) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
