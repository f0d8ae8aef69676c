package dev.allframe.spi;

import static java.util.Objects.requireNonNull;

import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.deadletter.DeadLetterStore;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.spi.snapshot.SnapshotStore;
import java.util.Optional;

/**
 * What a store offers: its events, and each further role it supports. AllFrame uses exactly these roles and
 * nothing in their place: an application that needs a role its store lacks (sagas need a saga store, an
 * async projection that outlives a restart needs a checkpoint store, an inline projection needs inline
 * listeners, a projection that parks failing events needs dead letters) fails to deploy, and a role that only
 * makes AllFrame slower when missing (snapshots) is reported with a warning.
 *
 * @param events          the event store
 * @param inlineListeners listeners inside appends, for inline projections
 * @param checkpoints     where async projections keep their positions
 * @param snapshots       where aggregate states are kept between commands
 * @param sagas           where sagas and their histories are kept
 * @param deadLetters     where async projections park the events they go past, beside their checkpoints
 */
public record StoreCapabilities(EventStore events, Optional<InlineSubscribers> inlineListeners,
                                Optional<CheckpointStore> checkpoints, Optional<SnapshotStore> snapshots,
                                Optional<SagaStore> sagas, Optional<DeadLetterStore> deadLetters) {

    public StoreCapabilities {
        requireNonNull(events, "events");
        requireNonNull(inlineListeners, "inlineListeners");
        requireNonNull(checkpoints, "checkpoints");
        requireNonNull(snapshots, "snapshots");
        requireNonNull(sagas, "sagas");
        requireNonNull(deadLetters, "deadLetters");
    }

    /** A store keeping no dead letters. */
    public StoreCapabilities(EventStore events, Optional<InlineSubscribers> inlineListeners,
                             Optional<CheckpointStore> checkpoints, Optional<SnapshotStore> snapshots,
                             Optional<SagaStore> sagas) {
        this(events, inlineListeners, checkpoints, snapshots, sagas, Optional.empty());
    }

    /** Only events: no further role. */
    public static StoreCapabilities eventsOnly(EventStore events) {
        return new StoreCapabilities(events, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The events and every role that the store object itself implements. */
    public static StoreCapabilities of(EventStore store) {
        return new StoreCapabilities(store, role(store, InlineSubscribers.class), role(store, CheckpointStore.class),
                role(store, SnapshotStore.class), role(store, SagaStore.class), role(store, DeadLetterStore.class));
    }

    public StoreCapabilities withInlineListeners(InlineSubscribers listeners) {
        return new StoreCapabilities(events, Optional.of(listeners), checkpoints, snapshots, sagas, deadLetters);
    }

    public StoreCapabilities withCheckpoints(CheckpointStore store) {
        return new StoreCapabilities(events, inlineListeners, Optional.of(store), snapshots, sagas, deadLetters);
    }

    public StoreCapabilities withSnapshots(SnapshotStore store) {
        return new StoreCapabilities(events, inlineListeners, checkpoints, Optional.of(store), sagas, deadLetters);
    }

    public StoreCapabilities withSagas(SagaStore store) {
        return new StoreCapabilities(events, inlineListeners, checkpoints, snapshots, Optional.of(store), deadLetters);
    }

    public StoreCapabilities withDeadLetters(DeadLetterStore store) {
        return new StoreCapabilities(events, inlineListeners, checkpoints, snapshots, sagas, Optional.of(store));
    }

    private static <T> Optional<T> role(EventStore store, Class<T> role) {
        return role.isInstance(store) ? Optional.of(role.cast(store)) : Optional.empty();
    }
}
