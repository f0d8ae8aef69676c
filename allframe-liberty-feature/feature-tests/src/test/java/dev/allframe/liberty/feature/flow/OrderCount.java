package dev.allframe.liberty.feature.flow;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;
import java.util.concurrent.atomic.AtomicInteger;

/** An inline projection: counted before dispatch returns. */
@Projection(value = "order-count", mode = ProjectionMode.INLINE)
public class OrderCount {

    private final AtomicInteger count = new AtomicInteger();

    @EventHandler
    void on(Placed placed) {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
