package dev.allframe.jpa.internal;

import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.jpa.internal.PostgresAppender.Inserted;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several appends on PostgreSQL in one round trip, inside the caller's transaction: for each, the statements
 * of {@link PostgresAppender#append} (raise the head; insert the events, or none when the append's condition
 * does not hold), then lower the head again if its first event is not there, then read the stream's version.
 * Each append sees those before it, committed or in this transaction, so each is checked as on its own, and
 * a refused one leaves the head as it was for the next.
 */
final class PostgresBatch {

    private static final String LOWER_HEAD_IF_REFUSED = "UPDATE allframe_head SET head_position = head_position - ?"
            + " WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM allframe_events WHERE event_id = ?)";
    private static final String ONE = PostgresAppender.APPEND + ";\n" + LOWER_HEAD_IF_REFUSED + ";\n"
            + PostgresAppender.STREAM_VERSION;

    private final PostgresAppender postgres;
    private final String[] statements = new String[GroupCommit.MAX_BATCH + 1];

    PostgresBatch(PostgresAppender postgres) {
        this.postgres = postgres;
    }

    /** What became of one append of a batch. */
    sealed interface Outcome {

        record Appended(AppendResult result) implements Outcome {
        }

        record Refused(ConcurrencyConflictException conflict) implements Outcome {
        }
    }

    /** One outcome per request, in order. */
    List<Outcome> appendAll(Connection connection, List<AppendRequest> requests, List<Instant> times)
            throws SQLException {
        int size = requests.size();
        try (PreparedStatement batch = connection.prepareStatement(statement(size))) {
            int p = 1;
            for (int i = 0; i < size; i++) {
                AppendRequest request = requests.get(i);
                List<EventRow> rows = postgres.rows(request, times.get(i));
                p = PostgresAppender.bind(batch, p, connection, request, rows, times.get(i), false);
                batch.setLong(p++, rows.size());
                batch.setString(p++, rows.get(0).eventId());
                batch.setString(p++, request.streamId());
            }
            batch.execute();
            List<Outcome> outcomes = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                AppendRequest request = requests.get(i);
                int count = request.events().size();
                if (i > 0) {
                    batch.getMoreResults();
                }
                long head = PostgresAppender.raisedHead(batch.getResultSet()) - count;
                batch.getMoreResults();
                long version = PostgresAppender.insertedVersion(batch.getResultSet(), count);
                batch.getMoreResults();
                batch.getMoreResults();
                long actual = streamVersion(batch.getResultSet());
                outcomes.add(version >= 0
                        ? new Outcome.Appended(new Inserted(head, version).result(postgres.mapper(), request,
                                times.get(i)))
                        : new Outcome.Refused(new ConcurrencyConflictException(request.streamId(),
                                request.condition().expectedVersion(), actual)));
            }
            return outcomes;
        }
    }

    private String statement(int size) {
        String statement = statements[size];
        if (statement == null) {
            statement = String.join(";\n", Collections.nCopies(size, ONE));
            statements[size] = statement;
        }
        return statement;
    }

    private static long streamVersion(ResultSet version) throws SQLException {
        try (version) {
            version.next();
            return version.getLong(1);
        }
    }
}
