package dev.allframe.cdi.features.capabilities;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ReadModel;
import java.util.concurrent.atomic.AtomicInteger;

/** An async projection that keeps its position in the store. */
@Projection(value = "ping-tally", readModel = ReadModel.STORED)
public class PingTally {

    private final AtomicInteger pings = new AtomicInteger();

    @EventHandler
    void on(Pinged pinged) {
        pings.incrementAndGet();
    }

    int pings() {
        return pings.get();
    }
}
