package dev.allframe.jpa.internal;

import dev.allframe.EventStoreException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An append on PostgreSQL in one round trip and the commit, where the portable path needs four round trips
 * before the commit (lock the head, read the stream's version, insert, raise the head), and two more for a query
 * condition and tags. Two statements go to the database together ({@link PostgresStatements}): the first takes the
 * events' positions ({@code allframe_take_positions}: the next ones of the sequence {@code allframe_positions}, marked
 * as in use by a lock of the transaction that readers look for, so that they read no further until it ends); the
 * second reads the stream's version and newest position, checks the append's conditions (the stream's version, that
 * no event after the query condition's position matches its query, and that the stream's newest event lies below the
 * positions taken) and inserts every event with its tags' rows, or none when a condition does not hold. Each
 * statement takes its own snapshot when it starts, so under read committed the second sees every append that ended
 * before the positions were taken; for a query condition the first also waits until every append holding lower
 * positions ended, so the condition is checked against all of them.
 * <p>
 * No lock is held through the caller's transaction that another append waits for: appends of different streams run
 * side by side, each in its own transaction, however long. Two appends of one stream meet at its unique versions:
 * the later waits for the earlier's transaction, and finds its versions taken when that one commits. Inside a
 * transaction the insert then stores nothing instead of failing (which would abort the caller's transaction), what
 * it stored before is removed again, and the stream read again tells a refused condition (a conflict) from an append
 * that only has to take new positions, above the stream's newest event: it does, up to {@link #ATTEMPTS} times.
 * Positions taken and not used stay unused: the global order is gap-safe, not dense.
 * <p>
 * When nothing else has to run in the append's transaction, {@link #appendAlone} sends the same two
 * statements on a connection in autocommit mode. PostgreSQL runs the statements sent before one sync as one
 * implicit transaction and commits it when the last one has run, so the append and its commit take one
 * round trip, like a plain insert in autocommit mode. There a refused condition has to fail the statement, so
 * that the implicit transaction rolls back: a refused stream version leaves the version {@code null}, a refused query
 * condition (the stream's version accepted) the type name, each in its {@code NOT NULL} column, and which column the
 * database names tells which condition failed; another append's event at one of the versions fails it on the unique
 * versions.
 */
final class PostgresAppender {

    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String VERSION_COLUMN = "stream_version";
    private static final String TYPE_COLUMN = "type_name";

    /** How many times an append takes new positions before it reports a conflict. */
    static final int ATTEMPTS = 50;
    private static final String UNIQUE_VIOLATION = "23505";
    /** What PostgreSQL reports when it ended a deadlock by rolling back this transaction. */
    private static final String DEADLOCK = "40P01";
    /** The unique constraint on a stream's versions, which the database names when another append took one. */
    private static final String STREAM_VERSIONS = "allframe_events_stream_uk";

    private final PostgresStatements statements;

    PostgresAppender(PostgresStatements statements) {
        this.statements = statements;
    }

    /** Appends {@code prepared}'s events, which must not be empty, on {@code connection}'s transaction. */
    AppendResult append(Connection connection, PreparedAppend prepared) throws SQLException {
        return append(connection, prepared, false).result();
    }

    /**
     * Appends {@code prepared}'s events, which must not be empty, on {@code connection}'s transaction, and stores the
     * request's idempotency key after them in the same round trip ({@link PostgresKeys#INSERT_AFTER_APPEND}).
     */
    Keyed appendKeyed(Connection connection, PreparedAppend prepared) throws SQLException {
        return append(connection, prepared, true);
    }

    /** An append with its key: whether the key was stored, or another append had stored it first. */
    record Keyed(AppendResult result, boolean keyStored) {
    }

    private Keyed append(Connection connection, PreparedAppend prepared, boolean keyed) throws SQLException {
        int count = prepared.size();
        String text = keyed ? statements.appendKeyed(prepared) : statements.append(prepared);
        for (int attempt = 1; ; attempt++) {
            long head;
            PostgresStatements.Inserted inserted;
            boolean keyStored = false;
            try (PreparedStatement append = connection.prepareStatement(text)) {
                int next = statements.bindAppend(append, 1, connection, prepared);
                if (keyed) {
                    PostgresKeys.bindAfterAppend(append, next, prepared.request(), count, prepared.now());
                }
                head = statements.headBefore(append, executeInTransaction(append, prepared.request()), count);
                append.getMoreResults();
                inserted = statements.inserted(append.getResultSet());
                if (keyed) {
                    append.getMoreResults();
                    keyStored = append.getUpdateCount() == 1;
                }
            }
            if (inserted.all(count)) {
                return new Keyed(statements.appended(prepared, head, inserted.version()), keyStored);
            }
            Optional<RuntimeException> refused = statements.refuse(connection, prepared, head);
            if (refused.isPresent()) {
                throw refused.get();
            }
            if (attempt == ATTEMPTS) {
                throw AppendConditions.conflict(prepared.request(),
                        statements.stream(connection, prepared.request().streamId()).version());
            }
        }
    }

    /**
     * Appends {@code prepared}'s events, which must not be empty, in a transaction of their own on
     * {@code connection}, which must be in autocommit mode.
     */
    AppendResult appendAlone(Connection connection, PreparedAppend prepared) throws SQLException {
        AppendRequest request = prepared.request();
        int count = prepared.size();
        for (int attempt = 1; ; attempt++) {
            long head;
            OptionalLong version;
            try (PreparedStatement append = connection.prepareStatement(statements.appendAlone(prepared))) {
                statements.bindAppendAlone(append, connection, prepared);
                execute(append);
                head = statements.headBefore(append.getResultSet(), count);
                append.getMoreResults();
                version = statements.insertedVersion(append.getResultSet(), count);
            } catch (SQLException e) {
                giveBack(connection, prepared, e);
                String refused = refusedColumn(e);
                if (VERSION_COLUMN.equals(refused)) {
                    throw AppendConditions.conflict(request,
                            statements.stream(connection, request.streamId()).version());
                }
                if (TYPE_COLUMN.equals(refused) && request.queryCondition() != null) {
                    throw PostgresQueryCondition.conflict(request,
                            PostgresQueryCondition.firstMatch(connection, request.queryCondition()));
                }
                if (DEADLOCK.equals(e.getSQLState())) {
                    if (attempt < ATTEMPTS) {
                        continue;
                    }
                    throw new EventStoreException(JpaStoreMessages.appendDeadlocked(request.streamId()), e);
                }
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || !e.getMessage().contains(STREAM_VERSIONS)) {
                    throw e;
                }
                long actual = statements.stream(connection, request.streamId()).version();
                if (!request.condition().acceptsVersion(actual) || attempt == ATTEMPTS) {
                    throw AppendConditions.conflict(request, actual);
                }
                continue;
            }
            if (version.isPresent()) {
                return statements.appended(prepared, head, version.getAsLong());
            }
            statements.giveBack(connection, prepared);
            if (attempt == ATTEMPTS) {
                throw AppendConditions.conflict(request, statements.stream(connection, request.streamId()).version());
            }
        }
    }

    /**
     * Runs {@code append} in the caller's transaction; whether its first result is rows. The database's refusal to
     * take more positions is {@code AF2062}; a deadlock the database ended by rolling the transaction back is
     * {@code AF2065}: the transaction appended before, holds positions, and waited for lower ones, held by an
     * append that waited for its own.
     */
    private static boolean executeInTransaction(PreparedStatement append, AppendRequest request)
            throws SQLException {
        try {
            return execute(append);
        } catch (SQLException e) {
            if (DEADLOCK.equals(e.getSQLState())) {
                throw new EventStoreException(JpaStoreMessages.appendDeadlocked(request.streamId()), e);
            }
            throw e;
        }
    }

    /**
     * Runs {@code append}; whether its first result is rows. What the database's functions raise is the store's error
     * ({@link PostgresRaised}): no more positions to take ({@code AF2062}), another isolation level than read
     * committed ({@code AF2066}).
     */
    private static boolean execute(PreparedStatement append) throws SQLException {
        try {
            return append.execute();
        } catch (SQLException e) {
            throw PostgresRaised.translate(e).map(RuntimeException.class::cast).orElseThrow(() -> e);
        }
    }

    /**
     * Takes back {@code appended}, stored in {@code connection}'s transaction, which then failed with {@code e} (which
     * keeps a failure to take it back), or was a duplicate ({@code e} {@code null}: a failure to is thrown).
     */
    void takeBack(Connection connection, AppendResult appended, Throwable e) throws SQLException {
        try {
            statements.takeBack(connection, appended);
        } catch (SQLException | RuntimeException notTakenBack) {
            if (e == null) {
                throw notTakenBack;
            }
            e.addSuppressed(notTakenBack);
        }
    }

    /** Gives the positions of an append alone that failed with {@code e} back; a failure to is kept with it. */
    private void giveBack(Connection connection, PreparedAppend prepared, SQLException e) throws SQLException {
        try {
            statements.giveBack(connection, prepared);
        } catch (SQLException notGivenBack) {
            e.addSuppressed(notGivenBack);
            throw e;
        }
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
