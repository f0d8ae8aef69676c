package dev.allframe.core.projection;

import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.spi.conformance.ProjectionLeasesConformanceTest;
import dev.allframe.testing.MutableClock;

class InMemoryLeasesConformanceTest extends ProjectionLeasesConformanceTest {

    @Override
    protected ProjectionLeases createLeases(MutableClock clock) {
        return new InMemoryCheckpoints(clock);
    }
}
