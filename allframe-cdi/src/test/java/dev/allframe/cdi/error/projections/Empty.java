package dev.allframe.cdi.error.projections;

import dev.allframe.Projection;

@Projection("empty")
public class Empty {

    void handle(Opened opened) {
    }
}
