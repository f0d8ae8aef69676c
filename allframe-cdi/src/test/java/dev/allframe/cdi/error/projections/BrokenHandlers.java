package dev.allframe.cdi.error.projections;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;

@Projection("broken")
public class BrokenHandlers {

    @EventHandler
    void on() {
    }

    @EventHandler
    void on(Opened opened) {
    }

    @EventHandler
    void whenOpened(Opened opened, EventEnvelope envelope) {
    }

    @EventHandler
    void on(Opened opened, String extra) {
    }

    void on(Opened opened, EventEnvelope envelope, String forgotten) {
    }
}
