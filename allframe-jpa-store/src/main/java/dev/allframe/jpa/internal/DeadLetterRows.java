package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ParkedEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and writes dead-letter rows in the caller's transaction. Parking locks the projection's checkpoint row, as
 * a batch does, so that the dead letter and the checkpoint past it are written by one process and commit together.
 */
public final class DeadLetterRows {

    private DeadLetterRows() {
    }

    /** Records {@code event} and moves the checkpoint to it; {@code false}, with nothing written, when it is past. */
    public static boolean park(EntityManager em, ParkedEvent event, Instant now) {
        long checkpoint = Checkpoints.lock(em, event.projection(), now);
        if (checkpoint >= event.position()) {
            return false;
        }
        em.persist(new DeadLetterRow(truncated(event)));
        Checkpoints.write(em, event.projection(), event.position(), now);
        return true;
    }

    /** Records {@code event} unless it is recorded already ({@code false} then); no checkpoint moves. */
    public static boolean record(EntityManager em, ParkedEvent event) {
        DeadLetterRow.Key key = new DeadLetterRow.Key(event.projection(), event.position());
        if (em.find(DeadLetterRow.class, key) != null) {
            return false;
        }
        em.persist(new DeadLetterRow(truncated(event)));
        return true;
    }

    public static List<ParkedEvent> parked(EntityManager em, String projection) {
        return em.createQuery("SELECT d FROM AllFrameDeadLetter d WHERE d.projection = :projection"
                        + " ORDER BY d.position", DeadLetterRow.class)
                .setParameter("projection", projection).getResultStream().map(DeadLetterRow::event).toList();
    }

    public static long count(EntityManager em, String projection) {
        return em.createQuery("SELECT COUNT(d) FROM AllFrameDeadLetter d WHERE d.projection = :projection",
                Long.class).setParameter("projection", projection).getSingleResult();
    }

    /**
     * Applies the parked event and deletes its row, holding the row's lock so that two processes retrying at once
     * apply it once; {@code false} when it is not parked (any more).
     */
    public static boolean applyParked(EntityManager em, String projection, EventEnvelope event,
                                      Consumer<EventEnvelope> apply) {
        DeadLetterRow row = em.find(DeadLetterRow.class, new DeadLetterRow.Key(projection, event.globalPosition()),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        apply.accept(event);
        em.remove(row);
        return true;
    }

    public static void retryFailed(EntityManager em, String projection, long position, String failure, Instant at) {
        DeadLetterRow row = em.find(DeadLetterRow.class, new DeadLetterRow.Key(projection, position),
                LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            row.failedAgain(failure, at.truncatedTo(ChronoUnit.MICROS));
        }
    }

    /** The event with its times as the database keeps them: to the microsecond. */
    private static ParkedEvent truncated(ParkedEvent event) {
        return new ParkedEvent(event.projection(), event.position(), event.streamId(), event.streamVersion(),
                event.typeName(), event.failure(), event.attempts(), event.parkedAt().truncatedTo(ChronoUnit.MICROS),
                event.parkedBy(), event.reason(), event.lastAttemptAt().truncatedTo(ChronoUnit.MICROS));
    }
}
