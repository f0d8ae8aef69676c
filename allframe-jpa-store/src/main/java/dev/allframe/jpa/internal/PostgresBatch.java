package dev.allframe.jpa.internal;

import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Several appends on PostgreSQL in one round trip, inside the caller's transaction: for each, the statements
 * of a single append in a transaction (take positions; insert the events and their tags' rows, or none when one of
 * the append's conditions does not hold), then read the stream's version and, for a query condition, the first event
 * matching it if its first event is not there ({@link PostgresStatements#batch}). Each append sees those before it,
 * committed or in this transaction, so each is checked as on its own, and a refused one leaves the events and the tags
 * as they were for the next, and its positions unused. What a refused append reads is what it was checked against:
 * the appends after it only add events at higher positions, so the first event matching its query is the one it met.
 * An append that no condition refused, yet stored nothing (another transaction stored an event of its stream at higher
 * positions after it read the stream), is to be made again on its own ({@link Outcome.Again}). Another transaction's
 * event at one of an append's versions fails the whole batch on the unique versions, and each append is then made on
 * its own.
 */
final class PostgresBatch {

    private final PostgresStatements statements;

    PostgresBatch(PostgresStatements statements) {
        this.statements = statements;
    }

    /** What became of one append of a batch. */
    sealed interface Outcome {

        record Appended(AppendResult result) implements Outcome {
        }

        /** @param conflict a {@link ConcurrencyConflictException} or a {@link QueryConflictException} */
        record Refused(RuntimeException conflict) implements Outcome {
        }

        /** Stored nothing, and no condition refused it: to be made again, at new positions. */
        record Again() implements Outcome {
        }
    }

    /** One outcome per append, in order. */
    List<Outcome> appendAll(Connection connection, List<PreparedAppend> appends) throws SQLException {
        int size = appends.size();
        try (PreparedStatement batch = connection.prepareStatement(statements.batch(appends))) {
            int p = 1;
            for (PreparedAppend append : appends) {
                p = statements.bindBatched(batch, p, connection, append);
            }
            batch.execute();
            List<Outcome> outcomes = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                PreparedAppend append = appends.get(i);
                AppendRequest request = append.request();
                int count = append.size();
                if (i > 0) {
                    batch.getMoreResults();
                }
                long head = statements.headBefore(batch.getResultSet(), count);
                batch.getMoreResults();
                OptionalLong version = statements.insertedVersion(batch.getResultSet(), count);
                batch.getMoreResults();
                batch.getMoreResults();
                long actual = statements.stream(batch.getResultSet()).version();
                Optional<PostgresQueryCondition.Match> match = Optional.empty();
                if (request.queryCondition() != null) {
                    batch.getMoreResults();
                    match = PostgresQueryCondition.match(batch.getResultSet());
                }
                outcomes.add(version.isPresent()
                        ? new Outcome.Appended(statements.appended(append, head, version.getAsLong()))
                        : statements.refusal(request, actual, match).<Outcome>map(Outcome.Refused::new)
                                .orElseGet(Outcome.Again::new));
            }
            return outcomes;
        }
    }
}
