package dev.allframe.jpa.internal;

import dev.allframe.ConcurrencyConflictException;
import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.eventstore.AppendRequest;
import dev.allframe.eventstore.AppendResult;
import dev.allframe.eventstore.NewEvent;
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
 */
final class PostgresAppender {

    private static final String APPEND = "UPDATE allframe_head SET head_position = head_position + ? WHERE id = 1"
            + " RETURNING head_position;\n"
            + "INSERT INTO allframe_events (global_position, event_id, stream_id, stream_version, type_name,"
            + " schema_version, payload, metadata, correlation_id, causation_id, recorded_at)"
            + " SELECT h.head_position - ? + e.n, e.event_id, ?, s.version + e.n, e.type_name, e.schema_version,"
            + " e.payload, e.metadata, e.correlation_id, e.causation_id, ?"
            + " FROM allframe_head h,"
            + " (SELECT coalesce(max(stream_version), 0) AS version FROM allframe_events WHERE stream_id = ?) s,"
            + " unnest(?::varchar[], ?::varchar[], ?::int[], ?::text[], ?::text[], ?::varchar[], ?::varchar[])"
            + " WITH ORDINALITY AS e(event_id, type_name, schema_version, payload, metadata, correlation_id,"
            + " causation_id, n)"
            + " WHERE h.id = 1 AND (? OR s.version = ?)"
            + " RETURNING stream_version";
    private static final String LOWER_HEAD = "UPDATE allframe_head SET head_position = head_position - ? WHERE id = 1";
    private static final String STREAM_VERSION =
            "SELECT coalesce(max(stream_version), 0) FROM allframe_events WHERE stream_id = ?";

    private final EventRowMapper mapper;

    PostgresAppender(EventRowMapper mapper) {
        this.mapper = mapper;
    }

    /** Appends {@code request}'s events, which must not be empty, on {@code connection}'s transaction. */
    AppendResult append(Connection connection, AppendRequest request, Instant now) throws SQLException {
        String streamId = request.streamId();
        List<NewEvent> events = request.events();
        int count = events.size();
        List<EventRow> rows = new ArrayList<>(count);
        for (NewEvent event : events) {
            rows.add(mapper.toRow(event, 0, streamId, 0, now));
        }
        long head;
        long version;
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            bind(append, connection, request, rows, now);
            append.execute();
            head = raisedHead(append.getResultSet()) - count;
            append.getMoreResults();
            version = insertedVersion(append.getResultSet(), count);
        }
        if (version < 0) {
            lowerHead(connection, count);
            throw new ConcurrencyConflictException(streamId, request.condition().expectedVersion(),
                    streamVersion(connection, streamId));
        }
        long first = version - count;
        List<EventEnvelope> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stored.add(mapper.appended(events.get(i), streamId, first + i + 1, head + i + 1, now));
        }
        return new AppendResult(streamId, version, stored, false);
    }

    private static void bind(PreparedStatement append, Connection connection, AppendRequest request,
                             List<EventRow> rows, Instant now) throws SQLException {
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
        append.setLong(1, count);
        append.setLong(2, count);
        append.setString(3, request.streamId());
        append.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        append.setString(5, request.streamId());
        append.setArray(6, connection.createArrayOf("varchar", ids));
        append.setArray(7, connection.createArrayOf("varchar", types));
        append.setArray(8, connection.createArrayOf("int4", schemaVersions));
        append.setArray(9, connection.createArrayOf("text", payloads));
        append.setArray(10, connection.createArrayOf("text", metadata));
        append.setArray(11, connection.createArrayOf("varchar", correlations));
        append.setArray(12, connection.createArrayOf("varchar", causations));
        append.setBoolean(13, request.condition().expectedVersion() < 0);
        append.setLong(14, Math.max(0, request.condition().expectedVersion()));
    }

    private static long raisedHead(ResultSet head) throws SQLException {
        try (head) {
            if (!head.next()) {
                throw new EventStoreException(JpaStoreMessages.headRowMissing());
            }
            return head.getLong(1);
        }
    }

    /** The stream's version after the insert, or -1 when the condition did not hold and nothing was inserted. */
    private static long insertedVersion(ResultSet versions, int count) throws SQLException {
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
