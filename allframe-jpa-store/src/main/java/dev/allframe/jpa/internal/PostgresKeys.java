package dev.allframe.jpa.internal;

import dev.allframe.spi.event.AppendRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Idempotency keys and their scopes on PostgreSQL, without a lock every keyed append waits for. A key is stored with
 * {@code ON CONFLICT DO NOTHING}: of two appends using one key at once, the second waits for the first's transaction
 * and, when it committed, stores nothing, which tells it to take its events back and answer as a duplicate. A scope
 * is an advisory lock of the transaction: a keyed append of the scope holds it shared until its transaction ends, the
 * closing of the scope exclusively, so a closing waits for the appends of its scope that run, and an append that comes
 * after waits for the closing and then finds the scope closed. The lock's key is {@code 'S'} (0x53) in its top byte
 * and the scope's {@link String#hashCode()} below, the same in every JVM; two scopes of one hash only wait for each
 * other.
 */
final class PostgresKeys {

    private static final String SHARE = "SELECT CAST(pg_advisory_xact_lock_shared(?) AS TEXT)";
    /**
     * The scope held shared, then whether the key was used and whether the scope is closed: two statements sent
     * together, the second with its own snapshot, taken once the first holds the scope.
     */
    private static final String SHARE_AND_LOOK = SHARE + ";SELECT EXISTS (SELECT 1 FROM allframe_idempotency_keys"
            + " WHERE idempotency_key = ?), EXISTS (SELECT 1 FROM allframe_closed_scopes WHERE idempotency_scope = ?)";
    private static final String HOLD = "SELECT CAST(pg_advisory_xact_lock(?) AS TEXT)";
    private static final String INSERT = "INSERT INTO allframe_idempotency_keys (idempotency_key, stream_id,"
            + " stream_version, first_position, last_position, recorded_at, idempotency_scope)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
    /**
     * Sent after an append's insert, in the same round trip: stores the append's key with the events the insert just
     * stored (at the last {@code count} positions this session took), when it stored all of them. The positions are
     * read once, before the rows ({@code currval} in a subquery), so that the rows are found by their positions alone:
     * compared row by row, they would be looked for among every event of the stream.
     */
    static final String INSERT_AFTER_APPEND = "INSERT INTO allframe_idempotency_keys (idempotency_key, stream_id,"
            + " stream_version, first_position, last_position, recorded_at, idempotency_scope)"
            + " SELECT ?, ?, max(stream_version), min(global_position), max(global_position), ?, ?"
            + " FROM allframe_events WHERE global_position BETWEEN (SELECT currval('allframe_positions')) - ? + 1"
            + " AND (SELECT currval('allframe_positions')) HAVING count(*) = ?"
            + " ON CONFLICT (idempotency_key) DO NOTHING";
    private static final long SCOPES = 0x53L << 56;

    private PostgresKeys() {
    }

    /**
     * Holds {@code scope} shared until {@code connection}'s transaction ends (a closing of it waits), and then looks
     * for {@code key}'s use and the scope's closing, as committed once the scope was held: one round trip.
     */
    static Looked shareScopeAndLook(Connection connection, String scope, String key) throws SQLException {
        try (PreparedStatement look = connection.prepareStatement(SHARE_AND_LOOK)) {
            look.setLong(1, lockKey(scope));
            look.setString(2, key);
            look.setString(3, scope);
            look.execute();
            if (!look.getMoreResults()) {
                throw new SQLException("the look for the key and the scope returned no row: " + SHARE_AND_LOOK);
            }
            try (ResultSet row = look.getResultSet()) {
                row.next();
                return new Looked(row.getBoolean(1), row.getBoolean(2));
            }
        }
    }

    /** What a keyed append found once it held its scope: whether its key was used, whether the scope is closed. */
    record Looked(boolean keyUsed, boolean scopeClosed) {
    }

    /** Holds {@code scope} exclusively until {@code connection}'s transaction ends, once its appends ended. */
    static void holdScope(Connection connection, String scope) throws SQLException {
        lock(connection, HOLD, scope);
    }

    /**
     * Stores the key of an append; {@code false} when another append stored it first (its transaction committed,
     * which this one waited for).
     */
    static boolean store(Connection connection, String key, String streamId, long streamVersion, long firstPosition,
                         long lastPosition, Instant recordedAt, String scope) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, key);
            insert.setString(2, streamId);
            insert.setLong(3, streamVersion);
            insert.setLong(4, firstPosition);
            insert.setLong(5, lastPosition);
            insert.setObject(6, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
            insert.setString(7, scope);
            return insert.executeUpdate() == 1;
        }
    }

    /** Binds {@link #INSERT_AFTER_APPEND} from {@code first} on, for an append of {@code count} events. */
    static void bindAfterAppend(PreparedStatement insert, int first, AppendRequest request, int count,
                                Instant recordedAt) throws SQLException {
        insert.setString(first, request.idempotencyKey());
        insert.setString(first + 1, request.streamId());
        insert.setObject(first + 2, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
        insert.setString(first + 3, request.idempotencyScope());
        insert.setInt(first + 4, count);
        insert.setInt(first + 5, count);
    }

    private static void lock(Connection connection, String sql, String scope) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, lockKey(scope));
            lock.execute();
        }
    }

    private static long lockKey(String scope) {
        return SCOPES | (scope.hashCode() & 0xFFFF_FFFFL);
    }
}
