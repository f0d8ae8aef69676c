package dev.allframe.it.jpa;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;
import java.util.concurrent.atomic.AtomicLong;

/** An inline projection in memory, filled from the stored events by a rebuild. */
@Projection(value = "shipped-tally", mode = ProjectionMode.INLINE)
public class ShippedTally {

    private final AtomicLong shipments = new AtomicLong();
    private final AtomicLong applications = new AtomicLong();

    @EventHandler
    void on(Shipped shipped) {
        shipments.incrementAndGet();
        applications.incrementAndGet();
    }

    void reset() {
        shipments.set(0);
    }

    public long shipments() {
        return shipments.get();
    }

    /** How often a shipment was applied, rebuilds included: a reset does not clear it. */
    public long applications() {
        return applications.get();
    }
}
