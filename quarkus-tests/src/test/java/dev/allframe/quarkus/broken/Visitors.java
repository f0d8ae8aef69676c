package dev.allframe.quarkus.broken;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import jakarta.enterprise.context.RequestScoped;

@Projection("visitors")
@RequestScoped
public class Visitors {

    @EventHandler
    void checkedOut(Checkout event) {
    }
}
