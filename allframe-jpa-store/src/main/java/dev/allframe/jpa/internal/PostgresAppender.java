package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An append on PostgreSQL in one round trip and the commit, where the portable path needs four round trips
 * before the commit (lock the head, read the stream's version, insert, raise the head). Two statements go to
 * the database together:
 * <ol>
 * <li>{@code UPDATE allframe_head ... RETURNING} locks the head row and raises it by the number of events,
 * which gives the events their positions;</li>
 * <li>one {@code INSERT ... SELECT} over arrays of the events reads the head and the stream's version, checks
 * the append condition and inserts every event, or none when the condition does not hold. Each statement
 * takes its own snapshot when it starts, and this one starts once the first holds the lock, so under read
 * committed it sees every append committed before this one.</li>
 * </ol>
 * The head stays locked until the transaction ends, as on the portable path, so the global order has no gap
 * a reader could overtake. When the condition fails, the head is lowered again before the conflict is
 * reported, which leaves a transaction the caller keeps (JTA) without a trace of the attempt.
 * <p>
 * When nothing else has to run in the append's transaction, {@link #appendAlone} sends the same two
 * statements on a connection in autocommit mode. PostgreSQL runs the statements sent before one sync as one
 * implicit transaction and commits it when the last one has run, so the append and its commit take one
 * round trip, like a plain insert in autocommit mode. There a refused condition has to fail the statement, so
 * that the implicit transaction rolls back with the raised head: the stream's version is then read as
 * {@code null}, which the {@code NOT NULL} column refuses.
 */
final class PostgresAppender {

    private static final String RAISE_HEAD = "UPDATE allframe_head SET head_position = head_position + ? WHERE id = 1"
            + " RETURNING head_position;\n";
    private static final String INSERT = "INSERT INTO allframe_events (global_position, event_id, stream_id,"
            + " stream_version, type_name, schema_version, payload, metadata, correlation_id, causation_id, recorded_at)"
            + " SELECT h.head_position - ? + e.n, e.event_id, ?, s.version + e.n, e.type_name, e.schema_version,"
            + " e.payload, e.metadata, e.correlation_id, e.causation_id, ?"
            + " FROM allframe_head h, %s s,"
            + " unnest(?::varchar[], ?::varchar[], ?::int[], ?::text[], ?::text[], ?::varchar[], ?::varchar[])"
            + " WITH ORDINALITY AS e(event_id, type_name, schema_version, payload, metadata, correlation_id,"
            + " causation_id, n)"
            + " WHERE h.id = 1%s"
            + " RETURNING stream_version";
    private static final String VERSION = "coalesce(max(stream_version), 0)";
    /** Inserts nothing when the condition fails. */
    static final String APPEND = RAISE_HEAD + INSERT.formatted(
            "(SELECT " + VERSION + " AS version FROM allframe_events WHERE stream_id = ?)", " AND (? OR s.version = ?)");
    /** Fails when the condition fails: the version is {@code null} then. */
    private static final String APPEND_ALONE = RAISE_HEAD + INSERT.formatted(
            "(SELECT CASE WHEN ? OR " + VERSION + " = ? THEN " + VERSION + " END AS version"
                    + " FROM allframe_events WHERE stream_id = ?)", "");
    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String LOWER_HEAD = "UPDATE allframe_head SET head_position = head_position - ? WHERE id = 1";
    static final String STREAM_VERSION =
            "SELECT coalesce(max(stream_version), 0) FROM allframe_events WHERE stream_id = ?";

    private final EventRowMapper mapper;

    PostgresAppender(EventRowMapper mapper) {
        this.mapper = mapper;
    }

    /** Appends {@code request}'s events, which must not be empty, on {@code connection}'s transaction. */
    AppendResult append(Connection connection, AppendRequest request, Instant now) throws SQLException {
        Inserted inserted = insert(connection, APPEND, request, now, false);
        if (inserted.version() < 0) {
            lowerHead(connection, request.events().size());
            throw conflict(connection, request);
        }
        return inserted.result(mapper, request, now);
    }

    /**
     * Appends {@code request}'s events, which must not be empty, in a transaction of their own on
     * {@code connection}, which must be in autocommit mode.
     */
    AppendResult appendAlone(Connection connection, AppendRequest request, Instant now) throws SQLException {
        Inserted inserted;
        try {
            inserted = insert(connection, APPEND_ALONE, request, now, true);
        } catch (SQLException e) {
            if (NOT_NULL_VIOLATION.equals(e.getSQLState())) {
                throw conflict(connection, request);
            }
            throw e;
        }
        if (inserted.version() < 0) {
            throw new EventStoreException(JpaStoreMessages.headRowMissing());
        }
        return inserted.result(mapper, request, now);
    }

    private Inserted insert(Connection connection, String sql, AppendRequest request, Instant now,
                            boolean conditionInSelect) throws SQLException {
        int count = request.events().size();
        List<EventRow> rows = rows(request, now);
        try (PreparedStatement append = connection.prepareStatement(sql)) {
            bind(append, 1, connection, request, rows, now, conditionInSelect);
            append.execute();
            long head = raisedHead(append.getResultSet()) - count;
            append.getMoreResults();
            return new Inserted(head, insertedVersion(append.getResultSet(), count));
        }
    }

    List<EventRow> rows(AppendRequest request, Instant now) {
        List<EventRow> rows = new ArrayList<>(request.events().size());
        for (NewEvent event : request.events()) {
            rows.add(mapper.toRow(event, 0, request.streamId(), 0, now));
        }
        return rows;
    }

    EventRowMapper mapper() {
        return mapper;
    }

    private static ConcurrencyConflictException conflict(Connection connection, AppendRequest request)
            throws SQLException {
        return new ConcurrencyConflictException(request.streamId(), request.condition().expectedVersion(),
                streamVersion(connection, request.streamId()));
    }

    /** The head before the append, and the stream's version after it or -1 when nothing was inserted. */
    record Inserted(long head, long version) {

        AppendResult result(EventRowMapper mapper, AppendRequest request, Instant now) {
            List<NewEvent> events = request.events();
            int count = events.size();
            long first = version - count;
            List<EventEnvelope> stored = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                stored.add(mapper.appended(events.get(i), request.streamId(), first + i + 1, head + i + 1, now));
            }
            return new AppendResult(request.streamId(), version, stored, false);
        }
    }

    /** Binds one append's parameters from {@code first} on; returns the index after them. */
    static int bind(PreparedStatement append, int first, Connection connection, AppendRequest request,
                    List<EventRow> rows, Instant now, boolean conditionInSelect) throws SQLException {
        int count = rows.size();
        String[] ids = new String[count];
        String[] types = new String[count];
        Integer[] schemaVersions = new Integer[count];
        String[] payloads = new String[count];
        String[] metadata = new String[count];
        String[] correlations = new String[count];
        String[] causations = new String[count];
        for (int i = 0; i < count; i++) {
            EventRow row = rows.get(i);
            ids[i] = row.eventId();
            types[i] = row.typeName();
            schemaVersions[i] = row.schemaVersion();
            payloads[i] = row.payload();
            metadata[i] = row.metadata();
            correlations[i] = row.correlationId();
            causations[i] = row.causationId();
        }
        int p = first;
        append.setLong(p++, count);
        append.setLong(p++, count);
        append.setString(p++, request.streamId());
        append.setObject(p++, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (conditionInSelect) {
            p = bindCondition(append, p, request);
        }
        append.setString(p++, request.streamId());
        append.setArray(p++, connection.createArrayOf("varchar", ids));
        append.setArray(p++, connection.createArrayOf("varchar", types));
        append.setArray(p++, connection.createArrayOf("int4", schemaVersions));
        append.setArray(p++, connection.createArrayOf("text", payloads));
        append.setArray(p++, connection.createArrayOf("text", metadata));
        append.setArray(p++, connection.createArrayOf("varchar", correlations));
        append.setArray(p++, connection.createArrayOf("varchar", causations));
        if (!conditionInSelect) {
            p = bindCondition(append, p, request);
        }
        return p;
    }

    private static int bindCondition(PreparedStatement append, int p, AppendRequest request) throws SQLException {
        long expected = request.condition().expectedVersion();
        append.setBoolean(p, expected < 0);
        append.setLong(p + 1, Math.max(0, expected));
        return p + 2;
    }

    static long raisedHead(ResultSet head) throws SQLException {
        try (head) {
            if (!head.next()) {
                throw new EventStoreException(JpaStoreMessages.headRowMissing());
            }
            return head.getLong(1);
        }
    }

    /** The stream's version after the insert, or -1 when the condition did not hold and nothing was inserted. */
    static long insertedVersion(ResultSet versions, int count) throws SQLException {
        try (versions) {
            long version = -1;
            int inserted = 0;
            while (versions.next()) {
                version = Math.max(version, versions.getLong(1));
                inserted++;
            }
            return inserted == count ? version : -1;
        }
    }

    private static void lowerHead(Connection connection, int count) throws SQLException {
        try (PreparedStatement lower = connection.prepareStatement(LOWER_HEAD)) {
            lower.setLong(1, count);
            lower.executeUpdate();
        }
    }

    private static long streamVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STREAM_VERSION)) {
            query.setString(1, streamId);
            try (ResultSet version = query.executeQuery()) {
                version.next();
                return version.getLong(1);
            }
        }
    }
}
