package dev.allframe.cdi.error.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import jakarta.enterprise.context.RequestScoped;

@Projection("per-request")
@RequestScoped
public class PerRequest {

    @EventHandler
    void on(Opened opened) {
    }
}
