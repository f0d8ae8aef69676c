package dev.allframe.memory;

import dev.allframe.spi.conformance.IdempotencyRetentionConformanceTest;
import dev.allframe.spi.event.EventStore;
import java.time.Clock;

class InMemoryIdempotencyRetentionConformanceTest extends IdempotencyRetentionConformanceTest {

    @Override
    protected EventStore createStore(Clock clock) {
        return new InMemoryEventStore(clock);
    }
}
