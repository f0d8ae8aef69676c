package dev.allframe.cdi.error.projections;

import dev.allframe.projection.Projection;

@Projection("empty")
public class Empty {

    void handle(Opened opened) {
    }
}
