package dev.allframe.jpa.internal;

import dev.allframe.saga.SagaLogEntry;
import dev.allframe.spi.saga.SagaRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The saga log's writes on PostgreSQL, each one statement: a saga's start with its lease (and the first entries of its
 * log), a save of the saga with its log's entries, and the renewal of a process's leases (on the database's clock,
 * without reading it first). The portable path takes a round trip per row it looks at (the saga's row locked and read, each entry's row looked up)
 * and writes every column of the saga again; here the saga's changing columns are updated only where the saga is
 * still the saver's, and its entries inserted or replaced by the same statement, so that a save is one round trip,
 * which on a connection in autocommit mode is also its commit. A save that finds the saga's row
 * missing or another owner's changes nothing and says so: the portable path then stores the row, or refuses the save
 * naming the owner, as it always did.
 */
public final class PostgresSagaWrites {

    private static final String START = "INSERT INTO allframe_sagas (saga_id, saga_name, saga_state, current_step,"
            + " step_count, input_type, input_json, outputs_json, failed_step, failure_message, owner_id, lease_until,"
            + " started_at, updated_at, trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " coalesce(?::timestamptz, clock_timestamp()) + make_interval(secs => ?), ?, ?, ?)";
    /** The entries' rows, inserted or replaced, for the saga the statement's {@code saga} names, from 8 arrays. */
    private static final String ENTRIES = " entries AS (INSERT INTO allframe_saga_steps (saga_id, entry_number, step,"
            + " step_name, step_action, step_result, error_message, started_at, finished_at)"
            + " SELECT s.saga_id, e.number, e.step, e.step_name, e.step_action, e.step_result, e.error_message,"
            + " e.started_at::timestamptz, e.finished_at::timestamptz FROM saga s,"
            + " unnest(?::int[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::text[])"
            + " AS e(number, step, step_name, step_action, step_result, error_message, started_at, finished_at)"
            + " ON CONFLICT (saga_id, entry_number) DO UPDATE SET step = EXCLUDED.step,"
            + " step_name = EXCLUDED.step_name, step_action = EXCLUDED.step_action, step_result = EXCLUDED.step_result,"
            + " error_message = EXCLUDED.error_message, started_at = EXCLUDED.started_at,"
            + " finished_at = EXCLUDED.finished_at)"
            + " SELECT count(*) FROM saga";
    private static final String START_WITH_ENTRIES = "WITH saga AS (" + START + " RETURNING saga_id)," + ENTRIES;
    private static final String SAVE = "WITH saga AS (UPDATE allframe_sagas SET saga_state = ?, current_step = ?,"
            + " outputs_json = ?, failed_step = ?, failure_message = ?, updated_at = ?"
            + " WHERE saga_id = ? AND owner_id = ? RETURNING saga_id)," + ENTRIES;

    private static final String RENEW = "UPDATE allframe_sagas SET lease_until = coalesce(?::timestamptz,"
            + " clock_timestamp()) + make_interval(secs => ?) WHERE owner_id = ? AND saga_id = ANY (?)"
            + " AND saga_state IN ('RUNNING', 'COMPENSATING')";

    private final SagaRows rows;

    public PostgresSagaWrites(SagaRows rows) {
        this.rows = rows;
    }

    /**
     * Stores a new saga whose lease runs {@code lease} from {@code now}, or from the database's time when
     * {@code now} is {@code null}, with {@code entries}, the first of its history, in the same statement.
     */
    public JdbcWork<Void> start(SagaRecord saga, Instant now, Duration lease, List<SagaLogEntry> entries) {
        String input = rows.inputJson(saga);
        String outputs = rows.outputsJson(saga);
        Entries arrays = new Entries(entries);
        return connection -> {
            try (PreparedStatement start = connection.prepareStatement(entries.isEmpty() ? START
                    : START_WITH_ENTRIES)) {
                start.setString(1, saga.id().toString());
                start.setString(2, saga.saga());
                start.setString(3, saga.state().name());
                start.setInt(4, saga.currentStep());
                start.setInt(5, saga.steps());
                start.setString(6, saga.input().getClass().getName());
                start.setString(7, input);
                start.setString(8, outputs);
                start.setInt(9, saga.failedStep());
                start.setString(10, saga.failure());
                start.setString(11, saga.owner());
                start.setObject(12, time(now), Types.TIMESTAMP_WITH_TIMEZONE);
                start.setDouble(13, lease.toNanos() / 1e9);
                start.setObject(14, time(saga.started()));
                start.setObject(15, time(saga.updated()));
                start.setString(16, SagaRows.traceParent(saga));
                if (!entries.isEmpty()) {
                    arrays.bind(start, 17, connection);
                }
                start.execute();
            }
            return null;
        };
    }

    /**
     * Extends the leases of {@code owner}'s unfinished sagas among {@code sagaIds} to {@code lease} from {@code now},
     * or from the database's time when {@code now} is {@code null}.
     */
    public JdbcWork<Void> renewLeases(String owner, Collection<UUID> sagaIds, Instant now, Duration lease) {
        String[] ids = sagaIds.stream().map(UUID::toString).toArray(String[]::new);
        return connection -> {
            try (PreparedStatement renew = connection.prepareStatement(RENEW)) {
                renew.setObject(1, time(now), Types.TIMESTAMP_WITH_TIMEZONE);
                renew.setDouble(2, lease.toNanos() / 1e9);
                renew.setString(3, owner);
                renew.setArray(4, array(connection, ids));
                renew.executeUpdate();
            }
            return null;
        };
    }

    /** Saves {@code saga} and {@code entries}: {@code true} when it did, {@code false} when it changed nothing. */
    public JdbcWork<Boolean> save(SagaRecord saga, List<SagaLogEntry> entries) {
        String outputs = rows.outputsJson(saga);
        Entries arrays = new Entries(entries);
        return connection -> {
            try (PreparedStatement save = connection.prepareStatement(SAVE)) {
                save.setString(1, saga.state().name());
                save.setInt(2, saga.currentStep());
                save.setString(3, outputs);
                save.setInt(4, saga.failedStep());
                save.setString(5, saga.failure());
                save.setObject(6, time(saga.updated()));
                save.setString(7, saga.id().toString());
                save.setString(8, saga.owner());
                arrays.bind(save, 9, connection);
                save.execute();
                try (ResultSet saved = save.getResultSet()) {
                    saved.next();
                    return saved.getLong(1) > 0;
                }
            }
        };
    }

    /** The columns of log entries as the arrays {@link #ENTRIES} takes. */
    private static final class Entries {

        private final Integer[] numbers;
        private final Integer[] steps;
        private final String[] names;
        private final String[] actions;
        private final String[] results;
        private final String[] errors;
        private final String[] started;
        private final String[] finished;

        Entries(List<SagaLogEntry> entries) {
            int count = entries.size();
            numbers = new Integer[count];
            steps = new Integer[count];
            names = new String[count];
            actions = new String[count];
            results = new String[count];
            errors = new String[count];
            started = new String[count];
            finished = new String[count];
            for (int i = 0; i < count; i++) {
                SagaLogEntry entry = entries.get(i);
                numbers[i] = entry.number();
                steps[i] = entry.step();
                names[i] = entry.stepName();
                actions[i] = entry.action().name();
                results[i] = entry.result().name();
                errors[i] = entry.error();
                started[i] = entry.started().toString();
                finished[i] = entry.finished() == null ? null : entry.finished().toString();
            }
        }

        /** Binds the eight arrays from parameter {@code first} on. */
        void bind(PreparedStatement statement, int first, Connection connection) throws SQLException {
            statement.setArray(first, connection.createArrayOf("int4", numbers));
            statement.setArray(first + 1, connection.createArrayOf("int4", steps));
            statement.setArray(first + 2, array(connection, names));
            statement.setArray(first + 3, array(connection, actions));
            statement.setArray(first + 4, array(connection, results));
            statement.setArray(first + 5, connection.createArrayOf("text", errors));
            statement.setArray(first + 6, connection.createArrayOf("text", started));
            statement.setArray(first + 7, connection.createArrayOf("text", finished));
        }
    }

    private static java.sql.Array array(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("varchar", values);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
