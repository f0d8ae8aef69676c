package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.event.ReadAllEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How far behind a projection is in time: the age of the oldest event it has not applied yet (the one after its
 * position), zero when it has applied everything. One read of one event from the log.
 */
public final class LagAge {

    private final ReadAllEvents log;
    private final Clock clock;

    public LagAge(ReadAllEvents log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public Duration of(ProjectionStatus status) {
        if (status.lag() == 0) {
            return Duration.ZERO;
        }
        List<EventEnvelope> next = log.readAll(status.position(), 1);
        if (next.isEmpty()) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(next.get(0).timestamp(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
