package dev.allframe.memory;

import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.conformance.SnapshotInvalidationConformanceTest;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.testing.SnapshottingEventStore;
import java.time.Clock;
import java.util.Optional;

/** The in-memory store keeps no snapshots: here a test store keeps them in memory beside it. */
class InMemorySnapshotInvalidationConformanceTest extends SnapshotInvalidationConformanceTest {

    @Override
    protected StoreCapabilities createStore(EventDecoder events) {
        InMemoryEventStore store = new InMemoryEventStore(Clock.systemUTC(), events);
        SnapshottingEventStore snapshots = new SnapshottingEventStore(store);
        return new StoreCapabilities(snapshots, Optional.of(store), Optional.empty(), Optional.of(snapshots),
                Optional.empty());
    }
}
