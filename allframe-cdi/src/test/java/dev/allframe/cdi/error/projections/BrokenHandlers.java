package dev.allframe.cdi.error.projections;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.Projection;

@Projection("broken")
public class BrokenHandlers {

    void on() {
    }

    void on(Opened opened) {
    }

    void on(Opened opened, EventEnvelope envelope) {
    }

    void on(Opened opened, String extra) {
    }
}
