package dev.allframe.spi.saga;

import dev.allframe.saga.SagaLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where sagas and their histories are kept. Each call is one transaction of its own, never the caller's. Leases
 * run out on the store's clock (the database's, for a store that processes share), never on the callers': a
 * process whose clock is off neither takes over the saga of a live process nor keeps one too long.
 * The in-memory store is used with the in-memory event store; an event store that also implements this
 * role (the JPA store does) keeps its sagas in its database.
 */
public interface SagaStore {

    /**
     * Stores a new saga with its owner, whose lease runs {@code lease} from now on the store's clock (the record's
     * own lease is not used).
     */
    void start(SagaRecord saga, Duration lease);

    /**
     * Stores a new saga as {@link #start(SagaRecord, Duration)} does, with {@code entries}, the first of its history:
     * the saga's engine stores a saga with the start of its first step, so that the step's effect follows one write. A
     * store that can stores them together, in one transaction; this default stores the saga, then the entries.
     */
    default void start(SagaRecord saga, Duration lease, List<SagaLogEntry> entries) {
        start(saga, lease);
        if (!entries.isEmpty()) {
            saveAll(saga, entries);
        }
    }

    /**
     * Stores the saga and, when not {@code null}, the history entry (a new one, or the finished version of
     * one with the same number), together. A save never changes a stored lease: only {@link #claim} and
     * {@link #renewLeases} do, so that a save at a step boundary does not undo the renewals made while the step ran.
     * A saga not stored yet is stored as it is, lease included.
     *
     * @throws dev.allframe.saga.SagaTakenOverException the saga is stored with another owner: another process
     *                                             took it over
     */
    void save(SagaRecord saga, SagaLogEntry entry);

    /**
     * Stores the saga and the history entries, in their order, as {@link #save(SagaRecord, SagaLogEntry)} stores one:
     * the saga's engine stores the end of a step together with the start of the next one, so that a saga makes one
     * write per step boundary. A store that can stores them together, in one transaction; this default stores them one
     * after the other, each with the saga (and the saga alone when there is no entry).
     */
    default void saveAll(SagaRecord saga, List<SagaLogEntry> entries) {
        if (entries.isEmpty()) {
            save(saga, (SagaLogEntry) null);
        }
        for (SagaLogEntry entry : entries) {
            save(saga, entry);
        }
    }

    Optional<SagaRecord> find(UUID sagaId);

    /** The saga's history, by entry number. */
    List<SagaLogEntry> history(UUID sagaId);

    /** Sagas running or compensating, oldest first. */
    List<SagaRecord> unfinished();

    /**
     * The unfinished sagas whose lease ran out by now on the store's clock, oldest first, at most {@code limit}: those
     * another process may take over. Only these are read, so that recovery costs what there is to recover, not what
     * runs.
     */
    List<SagaRecord> expired(int limit);

    /**
     * Makes {@code owner} the owner of an unfinished saga whose lease ran out by now on the store's clock; its lease
     * then runs {@code lease} from now.
     *
     * @return the saga as taken over, or empty when it is finished, or its lease still runs (another
     *         process took it first)
     */
    Optional<SagaRecord> claim(UUID sagaId, String owner, Duration lease);

    /**
     * Makes the leases of those of {@code sagaIds} that are unfinished and still belong to {@code owner} run
     * {@code lease} from now on the store's clock.
     */
    void renewLeases(String owner, Collection<UUID> sagaIds, Duration lease);

    /**
     * When the oldest of the unfinished sagas (running or compensating) started, also of one whose stored values
     * no longer read; empty when none is unfinished. What an unfinished saga may still use is kept from that moment
     * on.
     */
    Optional<Instant> oldestUnfinishedStart();

    /**
     * Removes up to {@code limit} finished sagas (completed, compensated, or failed compensating) last updated
     * before {@code before}, oldest first, each with its history, in one short transaction of its own. Unfinished
     * sagas are never removed. Calls of several processes at once are safe, each saga being removed once.
     *
     * @return how many sagas it removed: fewer than {@code limit} when it found no more
     */
    int pruneFinished(Instant before, int limit);
}
