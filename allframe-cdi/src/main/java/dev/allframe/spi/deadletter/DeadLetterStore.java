package dev.allframe.spi.deadletter;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ParkedEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events projections parked, kept beside their checkpoints: a store with transactions records a parked event
 * and moves the checkpoint past it in one transaction, so that a crash neither loses the dead letter nor applies
 * the event twice. A dead letter refers to its event by global position; the event stays in the log.
 */
public interface DeadLetterStore {

    /**
     * Records {@code event} and moves its projection's checkpoint to the event's position, together.
     *
     * @return {@code false}, with nothing changed, when the checkpoint is at or past the event already
     */
    boolean park(ParkedEvent event);

    /**
     * Records {@code event} without moving any checkpoint, for a projection that keeps its position elsewhere (its
     * read model is in memory, and replayed at each start, which goes past the events recorded here).
     *
     * @return {@code false}, with nothing changed, when the event is recorded already
     */
    boolean record(ParkedEvent event);

    /** The projection's parked events, in position order. */
    List<ParkedEvent> parked(String projection);

    /** How many events the projection has parked. */
    long parkedCount(String projection);

    /**
     * Applies the parked {@code event} with {@code apply} and removes its dead letter, in one transaction where the
     * store has them. A store that several processes share makes the retry take turns with the projection's batches
     * (the JPA store holds the checkpoint row's lock). When {@code apply} throws, the exception propagates and the
     * event stays parked.
     *
     * @return {@code false}, without applying it, when the event is not parked (any more)
     */
    boolean applyParked(String projection, EventEnvelope event, Consumer<EventEnvelope> apply);

    /** Records one more failed attempt at the parked event at {@code position}: its failure and when. */
    void retryFailed(String projection, long position, String failure, Instant at);
}
