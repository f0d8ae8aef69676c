package dev.allframe.cdi.error.projections;

import dev.allframe.projection.Projection;
import jakarta.enterprise.context.RequestScoped;

@Projection("per-request")
@RequestScoped
public class PerRequest {

    void on(Opened opened) {
    }
}
