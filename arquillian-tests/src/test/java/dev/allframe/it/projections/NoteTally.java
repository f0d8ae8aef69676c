package dev.allframe.it.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;
import java.util.concurrent.atomic.AtomicInteger;

/** An inline projection: counted before dispatch returns. */
@Projection(value = "note-tally", mode = ProjectionMode.INLINE)
public class NoteTally {

    private final AtomicInteger count = new AtomicInteger();

    @EventHandler
    void on(Noted noted) {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
