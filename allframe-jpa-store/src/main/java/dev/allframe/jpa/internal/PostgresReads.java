package dev.allframe.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads that run for every command and every projection batch, on PostgreSQL: plain statements on the entity
 * manager's connection, one round trip each. On a server that shares its cores with the database, a round trip's
 * socket calls and the switches between processes they cause cost more than anything else in a read this small.
 * <p>
 * A page of the global log is one round trip: two statements sent together, the first reading the readable head
 * ({@code allframe_readable()}) into a setting of the transaction, the second reading the rows up to it. Each
 * statement takes its own snapshot when it starts (read committed, which {@code allframe_readable()} insists on), so
 * the rows are read after every append up to the readable head ended: a single statement would read them in a
 * snapshot taken before the head, and could pass an event that committed in between.
 */
final class PostgresReads {

    private static final String COLUMNS = "SELECT global_position, event_id, stream_id, stream_version, type_name,"
            + " schema_version, payload, metadata, correlation_id, causation_id, recorded_at, tags FROM allframe_events";
    private static final String LOG = "SELECT set_config('allframe.readable', allframe_readable()::text, true);"
            + COLUMNS + " WHERE global_position > ? AND global_position <= current_setting('allframe.readable')::bigint"
            + " ORDER BY global_position LIMIT ?";
    private static final String STREAM = COLUMNS + " WHERE stream_id = ? AND stream_version >= ?"
            + " ORDER BY stream_version LIMIT ?";

    private PostgresReads() {
    }

    /** Up to {@code max} rows of the log above {@code after}, up to the readable head, in the order of positions. */
    static List<EventRow> log(Connection connection, long after, int max) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(LOG)) {
            read.setLong(1, after);
            read.setInt(2, max);
            read.execute();
            if (!read.getMoreResults()) {
                throw new SQLException("the page of the log returned no rows: " + LOG);
            }
            try (ResultSet rows = read.getResultSet()) {
                return rows(rows, max);
            }
        }
    }

    /** Up to {@code max} rows of {@code streamId} from version {@code from} on, in the order of versions. */
    static List<EventRow> stream(Connection connection, String streamId, long from, int max) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(STREAM)) {
            read.setString(1, streamId);
            read.setLong(2, from);
            read.setInt(3, max);
            try (ResultSet rows = read.executeQuery()) {
                return rows(rows, max);
            }
        }
    }

    private static List<EventRow> rows(ResultSet rows, int max) throws SQLException {
        List<EventRow> read = new ArrayList<>(Math.min(max, 64));
        while (rows.next()) {
            read.add(new EventRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                    rows.getString(5), rows.getInt(6), rows.getString(7), rows.getString(8), rows.getString(9),
                    rows.getString(10), rows.getObject(11, OffsetDateTime.class).toInstant(), rows.getString(12)));
        }
        return read;
    }
}
