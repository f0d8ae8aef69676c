package dev.allframe.benchmarks.postgres;

import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.EventIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The limit: the same rows as AllFrame's, in a table of the same shape ({@code raw_events}), written with
 * plain JDBC and positions counted in the JVM, without any gap safety.
 */
final class RawEvents {

    static final String INSERT = "INSERT INTO raw_events (global_position, event_id, stream_id, stream_version,"
            + " type_name, schema_version, payload, metadata, correlation_id, causation_id, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RawEvents() {
    }

    /** Creates {@code raw_events} like {@code allframe_events}, which must exist. */
    static void createTable(BenchDatabase database) {
        database.execute("CREATE TABLE raw_events (LIKE allframe_events INCLUDING ALL)");
    }

    static void bind(PreparedStatement insert, long position, String stream, long version, String typeName,
                     String payload) throws SQLException {
        insert.setLong(1, position);
        insert.setString(2, EventIds.next().toString());
        insert.setString(3, stream);
        insert.setLong(4, version);
        insert.setString(5, typeName);
        insert.setInt(6, 1);
        insert.setString(7, payload);
        insert.setString(8, null);
        insert.setString(9, null);
        insert.setString(10, null);
        insert.setObject(11, OffsetDateTime.now(ZoneOffset.UTC));
    }

    static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(INSERT);
    }
}
