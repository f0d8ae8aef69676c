package dev.allframe.cdi.error.projections;

import dev.allframe.EventEnvelope;
import dev.allframe.Projection;

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
