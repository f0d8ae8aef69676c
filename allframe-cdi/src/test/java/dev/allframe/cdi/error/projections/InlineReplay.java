package dev.allframe.cdi.error.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;

@Projection(value = "inline-replay", mode = ProjectionMode.INLINE, replayOnStart = true)
public class InlineReplay {

    @EventHandler
    void on(Opened opened) {
    }
}
