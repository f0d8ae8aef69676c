package dev.allframe.cdi.error.projections;

import dev.allframe.Projection;
import dev.allframe.ProjectionMode;

@Projection(value = "inline-replay", mode = ProjectionMode.INLINE, replayOnStart = true)
public class InlineReplay {

    void on(Opened opened) {
    }
}
