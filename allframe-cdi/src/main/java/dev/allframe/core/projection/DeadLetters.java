package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.deadletter.DeadLetterStore;
import dev.allframe.spi.event.ReadAllEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * One async projection's dead letters: parks the events it goes past, recorded with who, when and why, and applies
 * parked events again. A parked event is read back from the log by its position, so that it is applied as the log
 * holds it now (with the upcasters deployed since, for instance). The caller makes sure that parking and retries
 * take turns with the projection's batches. Times are kept to the microsecond, as databases keep them.
 */
final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    private final BoundProjection projection;
    private final ReadAllEvents log;
    private final DeadLetterStore store;
    private final String storeName;
    private final Clock clock;

    /**
     * @param store     where the projection parks events, beside its checkpoint; {@code null} when its store keeps
     *                  no dead letters
     * @param storeName how messages name that store
     */
    DeadLetters(BoundProjection projection, ReadAllEvents log, DeadLetterStore store, String storeName, Clock clock) {
        this.projection = projection;
        this.log = log;
        this.store = store;
        this.storeName = storeName;
        this.clock = clock;
    }

    /**
     * Parks the event {@code failure} names and moves the checkpoint to it, together.
     *
     * @return the parked event; {@code null} when the checkpoint was past it already
     */
    ParkedEvent park(ProjectionStatus.Failure failure, int attempts, String parkedBy, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ParkedEvent parked = new ParkedEvent(projection.name(), failure.position(), failure.streamId(),
                failure.streamVersion(), failure.typeName(), failure.message(), attempts, now, parkedBy, reason, now);
        return store().park(parked) ? parked : null;
    }

    List<ParkedEvent> list() {
        return store == null ? List.of() : store.parked(projection.name());
    }

    long count() {
        return store == null ? 0 : store.parkedCount(projection.name());
    }

    /** Applies the parked events again in position order, all of them or the one at {@code only}. */
    ParkedRetry retry(OptionalLong only) {
        List<ParkedEvent> parked = store().parked(projection.name());
        List<ParkedEvent> chosen = parked;
        if (only.isPresent()) {
            chosen = parked.stream().filter(p -> p.position() == only.getAsLong()).toList();
            if (chosen.isEmpty()) {
                throw new AllFrameException(ProjectionMessages.noSuchParkedEvent(projection.name(), only.getAsLong(),
                        parked.stream().map(ParkedEvent::position).toList()));
            }
        }
        List<Long> applied = new ArrayList<>();
        for (ParkedEvent event : chosen) {
            try {
                if (store.applyParked(projection.name(), eventAt(event.position()), projection::apply)) {
                    applied.add(event.position());
                }
            } catch (AllFrameException stillFailing) {
                store.retryFailed(projection.name(), event.position(), stillFailing.getMessage(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
        }
        List<ParkedEvent> still = store.parked(projection.name());
        LOG.info(() -> ProjectionMessages.parkedRetried(projection.name(), applied,
                still.stream().map(ParkedEvent::position).toList()).toString());
        return new ParkedRetry(applied, still);
    }

    /** The event the log holds at {@code position}, read as it is read now. */
    private EventEnvelope eventAt(long position) {
        List<EventEnvelope> one = log.readAll(position - 1, 1);
        if (one.isEmpty() || one.get(0).globalPosition() != position) {
            throw new AllFrameException(ProjectionMessages.parkedEventMissing(projection.name(), position));
        }
        return one.get(0);
    }

    private DeadLetterStore store() {
        if (store == null) {
            throw new AllFrameException(ProjectionMessages.noDeadLetters(projection.name(), storeName));
        }
        return store;
    }
}
