package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LagAgeTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryEventStore store = new InMemoryEventStore(clock);
    private final LagAge age = new LagAge(store, clock);

    @Test
    void theAgeIsThatOfTheOldestEventNotYetApplied() {
        append("first");
        clock.advance(Duration.ofSeconds(10));
        append("second");
        clock.advance(Duration.ofSeconds(5));

        assertThat(age.of(status(0))).isEqualTo(Duration.ofSeconds(15));
        assertThat(age.of(status(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(age.of(status(2))).isZero();
    }

    private ProjectionStatus status(long position) {
        return new ProjectionStatus("p", ProjectionMode.ASYNC, ProjectionState.RUNNING, position, null,
                store.headPosition(), null, null);
    }

    private void append(String event) {
        store.append("s", AppendCondition.any(), List.of(new NewEvent(UUID.randomUUID(), "E", 1, event, null, null,
                null)));
    }
}
