package dev.allframe.cdi.features.projections;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;
import java.util.concurrent.atomic.AtomicLong;

/** An inline projection: up to date when dispatch returns. */
@Projection(value = "ping-count", mode = ProjectionMode.INLINE)
public class PingCount {

    private final AtomicLong count = new AtomicLong();
    private volatile long lastPosition;

    @EventHandler
    void on(Pinged pinged, EventEnvelope envelope) {
        count.incrementAndGet();
        lastPosition = envelope.globalPosition();
    }

    public long count() {
        return count.get();
    }

    public long lastPosition() {
        return lastPosition;
    }
}
