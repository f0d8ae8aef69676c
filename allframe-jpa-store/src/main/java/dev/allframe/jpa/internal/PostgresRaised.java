package dev.allframe.jpa.internal;

import dev.allframe.EventStoreException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What AllFrame's functions on PostgreSQL raise ({@code RAISE EXCEPTION}, state {@code P0001}) as the store's own
 * messages: the positions ran out ({@code AF2062}), or the transaction runs at another isolation level than read
 * committed ({@code AF2066}).
 */
final class PostgresRaised {

    private static final String RAISED = "P0001";
    private static final String EXHAUSTED = JpaStoreMessages.AF2062.id() + ":";
    /** What {@code allframe_take_positions} and {@code allframe_readable} raise, after the id, with the level. */
    private static final Pattern ISOLATION = Pattern.compile(JpaStoreMessages.AF2066.id()
            + ": this transaction runs at ([a-z ]+);");

    private PostgresRaised() {
    }

    /** The store's error for what {@code failure}, or a cause of it, says a function raised; empty for others. */
    static Optional<EventStoreException> translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException e && RAISED.equals(e.getSQLState())) {
                String message = String.valueOf(e.getMessage());
                if (message.contains(EXHAUSTED)) {
                    return Optional.of(new EventStoreException(JpaStoreMessages.positionsExhausted(), e));
                }
                Matcher isolation = ISOLATION.matcher(message);
                if (isolation.find()) {
                    return Optional.of(new EventStoreException(
                            JpaStoreMessages.notReadCommitted(isolation.group(1)), e));
                }
            }
        }
        return Optional.empty();
    }
}
