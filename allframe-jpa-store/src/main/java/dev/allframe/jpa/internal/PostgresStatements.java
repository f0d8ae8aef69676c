package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
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
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * The statements of an append on PostgreSQL, how their parameters are bound and how their replies are read:
 * one object that the single append ({@link PostgresAppender}) and the batched one ({@link PostgresBatch}) both
 * send through, so that the two paths cannot drift apart. An append is two statements sent together:
 * <ol>
 * <li>{@code UPDATE allframe_head ... RETURNING} locks the head row and raises it by the number of events,
 * which gives the events their positions;</li>
 * <li>one {@code INSERT ... SELECT} over arrays of the events reads the head and the stream's version, checks
 * the append condition and inserts every event, or none.</li>
 * </ol>
 * In a transaction a refused condition inserts nothing ({@link #append()}); alone in autocommit mode it fails
 * the statement, as the stream's version is then read as {@code null}, which the {@code NOT NULL} column
 * refuses ({@link #appendAlone()}). A batch sends, for each of its appends, the first form, then lowers the head
 * again if the append's first event is not there, then reads the stream's version ({@link #batch(int)}).
 */
final class PostgresStatements {

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
    private static final String APPEND = RAISE_HEAD + INSERT.formatted(
            "(SELECT " + VERSION + " AS version FROM allframe_events WHERE stream_id = ?)", " AND (? OR s.version = ?)");
    private static final String APPEND_ALONE = RAISE_HEAD + INSERT.formatted(
            "(SELECT CASE WHEN ? OR " + VERSION + " = ? THEN " + VERSION + " END AS version"
                    + " FROM allframe_events WHERE stream_id = ?)", "");
    private static final String LOWER_HEAD = "UPDATE allframe_head SET head_position = head_position - ? WHERE id = 1";
    private static final String LOWER_HEAD_IF_REFUSED = "UPDATE allframe_head SET head_position = head_position - ?"
            + " WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM allframe_events WHERE event_id = ?)";
    private static final String STREAM_VERSION = "SELECT " + VERSION + " FROM allframe_events WHERE stream_id = ?";
    private static final String BATCHED = APPEND + ";\n" + LOWER_HEAD_IF_REFUSED + ";\n" + STREAM_VERSION;

    private final EventRowMapper mapper;
    private final String[] batches;

    /** @param cachedBatches up to how many appends the statement texts of {@link #batch(int)} are kept */
    PostgresStatements(EventRowMapper mapper, int cachedBatches) {
        this.mapper = mapper;
        this.batches = new String[cachedBatches + 1];
    }

    /** An append that inserts nothing when its condition does not hold. */
    String append() {
        return APPEND;
    }

    /** An append that fails when its condition does not hold, for a connection in autocommit mode. */
    String appendAlone() {
        return APPEND_ALONE;
    }

    /** {@code appends} appends in one statement text, each as {@link #append()} then a head fix and a version read. */
    String batch(int appends) {
        boolean cached = appends < batches.length;
        String batch = cached ? batches[appends] : null;
        if (batch == null) {
            batch = String.join(";\n", Collections.nCopies(appends, BATCHED));
            if (cached) {
                batches[appends] = batch;
            }
        }
        return batch;
    }

    /** Binds the parameters of {@link #append()} from {@code first} on; returns the index after them. */
    int bindAppend(PreparedStatement statement, int first, Connection connection, PreparedAppend prepared)
            throws SQLException {
        return bind(statement, first, connection, prepared, false);
    }

    /** Binds the parameters of {@link #appendAlone()}. */
    void bindAppendAlone(PreparedStatement statement, Connection connection, PreparedAppend prepared)
            throws SQLException {
        bind(statement, 1, connection, prepared, true);
    }

    /** Binds the parameters of one append of {@link #batch(int)} from {@code first} on; returns the index after. */
    int bindBatched(PreparedStatement statement, int first, Connection connection, PreparedAppend prepared)
            throws SQLException {
        AppendRequest request = prepared.request();
        int p = bindAppend(statement, first, connection, prepared);
        statement.setLong(p++, request.events().size());
        statement.setString(p++, request.events().get(0).eventId().toString());
        statement.setString(p++, request.streamId());
        return p;
    }

    private int bind(PreparedStatement statement, int first, Connection connection, PreparedAppend prepared,
                     boolean conditionInSelect) throws SQLException {
        AppendRequest request = prepared.request();
        Instant now = prepared.now();
        int count = prepared.size();
        String[] ids = new String[count];
        String[] types = new String[count];
        Integer[] schemaVersions = new Integer[count];
        String[] payloads = new String[count];
        String[] metadata = new String[count];
        String[] correlations = new String[count];
        String[] causations = new String[count];
        for (int i = 0; i < count; i++) {
            EventRow row = prepared.rows().get(i);
            ids[i] = row.eventId();
            types[i] = row.typeName();
            schemaVersions[i] = row.schemaVersion();
            payloads[i] = row.payload();
            metadata[i] = row.metadata();
            correlations[i] = row.correlationId();
            causations[i] = row.causationId();
        }
        int p = first;
        statement.setLong(p++, count);
        statement.setLong(p++, count);
        statement.setString(p++, request.streamId());
        statement.setObject(p++, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (conditionInSelect) {
            p = bindCondition(statement, p, request);
        }
        statement.setString(p++, request.streamId());
        statement.setArray(p++, connection.createArrayOf("varchar", ids));
        statement.setArray(p++, connection.createArrayOf("varchar", types));
        statement.setArray(p++, connection.createArrayOf("int4", schemaVersions));
        statement.setArray(p++, connection.createArrayOf("text", payloads));
        statement.setArray(p++, connection.createArrayOf("text", metadata));
        statement.setArray(p++, connection.createArrayOf("varchar", correlations));
        statement.setArray(p++, connection.createArrayOf("varchar", causations));
        if (!conditionInSelect) {
            p = bindCondition(statement, p, request);
        }
        return p;
    }

    /** {@code ? OR version = ?}: whether any version will do, and else the version expected. */
    private static int bindCondition(PreparedStatement statement, int p, AppendRequest request) throws SQLException {
        OptionalLong expected = request.condition().expectedVersion();
        statement.setBoolean(p, expected.isEmpty());
        statement.setLong(p + 1, expected.orElse(0));
        return p + 2;
    }

    /** The head before an append of {@code count} events, from the reply of its first statement. */
    long headBefore(ResultSet raised, int count) throws SQLException {
        try (raised) {
            if (!raised.next()) {
                throw new EventStoreException(JpaStoreMessages.headRowMissing());
            }
            return raised.getLong(1) - count;
        }
    }

    /** The stream's version after the insert of {@code count} events; empty when the condition refused them. */
    OptionalLong insertedVersion(ResultSet versions, int count) throws SQLException {
        try (versions) {
            long version = 0;
            int inserted = 0;
            while (versions.next()) {
                version = Math.max(version, versions.getLong(1));
                inserted++;
            }
            return inserted == count ? OptionalLong.of(version) : OptionalLong.empty();
        }
    }

    /** The stream's version, from the reply of the version read of {@link #batch(int)}. */
    long streamVersion(ResultSet version) throws SQLException {
        try (version) {
            version.next();
            return version.getLong(1);
        }
    }

    long streamVersion(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STREAM_VERSION)) {
            query.setString(1, streamId);
            return streamVersion(query.executeQuery());
        }
    }

    /** Takes back the positions an append of {@code count} events raised the head by. */
    void lowerHead(Connection connection, int count) throws SQLException {
        try (PreparedStatement lower = connection.prepareStatement(LOWER_HEAD)) {
            lower.setLong(1, count);
            lower.executeUpdate();
        }
    }

    /** What {@code prepared} stored, its events after {@code headBefore} and its stream now at {@code version}. */
    AppendResult appended(PreparedAppend prepared, long headBefore, long version) {
        AppendRequest request = prepared.request();
        List<NewEvent> events = request.events();
        int count = events.size();
        long first = version - count;
        List<EventEnvelope> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stored.add(mapper.appended(events.get(i), prepared.newest().get(i), request.streamId(), first + i + 1,
                    headBefore + i + 1, prepared.now()));
        }
        return new AppendResult(request.streamId(), version, stored, false);
    }
}
