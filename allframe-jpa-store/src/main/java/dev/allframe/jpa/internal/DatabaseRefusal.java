package dev.allframe.jpa.internal;

import dev.allframe.EventStoreException;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.spi.event.AppendRequest;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What the database said when it refused an append: an integrity constraint (SQL state class 23) or a value it
 * cannot take (class 22). Only the stream-version key of {@code allframe_events} is a conflict between appends; its
 * event-id key means an event id stored before; anything else is neither. The constraint is named by Hibernate when
 * its dialect can tell, else found in the database's message, which on PostgreSQL, H2 and Derby names it.
 *
 * @param sqlState   the SQL state, e.g. {@code 23505}
 * @param constraint the violated constraint as the database names it; empty when it does not say
 * @param message    the database's message
 */
public record DatabaseRefusal(Kind kind, String sqlState, Optional<String> constraint, String message) {

    private static final String STREAM_VERSION_KEY = "allframe_events_stream_uk";
    private static final String EVENT_ID_KEY = "allframe_events_event_id_uk";

    /** Which refusal it is. */
    public enum Kind {
        /** A stream version another append took: a concurrency conflict. */
        STREAM_VERSION_TAKEN,
        /** An event id stored before. */
        EVENT_ID_TAKEN,
        /** Another constraint, or a value the database cannot take. */
        OTHER
    }

    /** The refusal {@code thrown} comes from; empty when it is no integrity constraint or data error. */
    public static Optional<DatabaseRefusal> of(Throwable thrown) {
        String constraint = null;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                constraint = violation.getConstraintName();
            }
            if (t instanceof SQLException sql && refusal(sql.getSQLState())) {
                return Optional.of(of(deepest(sql), constraint));
            }
        }
        return Optional.empty();
    }

    private static DatabaseRefusal of(SQLException sql, String named) {
        String message = String.valueOf(sql.getMessage());
        String where = (named == null ? "" : named + " ") + message;
        Kind kind = !sql.getSQLState().startsWith("23") ? Kind.OTHER
                : mentions(where, STREAM_VERSION_KEY) ? Kind.STREAM_VERSION_TAKEN
                : mentions(where, EVENT_ID_KEY) ? Kind.EVENT_ID_TAKEN
                : Kind.OTHER;
        return new DatabaseRefusal(kind, sql.getSQLState(), Optional.ofNullable(named).map(DatabaseRefusal::name)
                .filter(name -> !name.isEmpty()), message);
    }

    /** The name alone, where a dialect extracted it with the rest of the message (H2). */
    private static String name(String extracted) {
        return extracted.strip().split("[^\\w.$\"]", 2)[0];
    }

    /**
     * The error an append refused so ends with: a conflict only for a stream version another append took (which an
     * append to any version cannot have); an event id stored before, named; otherwise the database's refusal
     * ({@code AF2035}). {@code cause} is kept as the error's cause or among its suppressed exceptions.
     *
     * @param streamVersion the stream's version now
     * @param storedEventId which of the append's event ids is stored, if that can be read
     */
    public RuntimeException error(AppendRequest request, LongSupplier streamVersion,
                                  Supplier<Optional<UUID>> storedEventId, Throwable cause) {
        RuntimeException error;
        if (kind == Kind.STREAM_VERSION_TAKEN && request.condition().expectedVersion().isPresent()) {
            error = AppendConditions.conflict(request, streamVersion.getAsLong());
        } else {
            Optional<UUID> taken = kind == Kind.EVENT_ID_TAKEN ? storedEventId.get() : Optional.empty();
            if (taken.isPresent()) {
                error = DuplicateEventIdException.storedBefore(request.streamId(), taken.get());
            } else {
                return new EventStoreException(JpaStoreMessages.refusedByDatabase(request.streamId(), sqlState,
                        what()), cause);
            }
        }
        error.addSuppressed(cause);
        return error;
    }

    /** How messages name what was refused: the constraint, else the database's message's first line. */
    public String what() {
        return constraint.map(name -> "constraint " + name).orElseGet(() -> message.lines().findFirst().orElse(""));
    }

    /** A batch's failure carries the statement's own one as its next exception, with the same state or a finer one. */
    private static SQLException deepest(SQLException sql) {
        SQLException next = sql.getNextException();
        return next != null && refusal(next.getSQLState()) ? next : sql;
    }

    private static boolean refusal(String sqlState) {
        return sqlState != null && (sqlState.startsWith("23") || sqlState.startsWith("22"));
    }

    private static boolean mentions(String text, String name) {
        return text.toLowerCase(Locale.ROOT).contains(name);
    }
}
