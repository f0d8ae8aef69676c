package dev.allframe.cdi.features.capabilities;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;

@Projection(value = "ping-log", mode = ProjectionMode.INLINE)
public class PingLog {

    @EventHandler
    void on(Pinged pinged) {
    }
}
