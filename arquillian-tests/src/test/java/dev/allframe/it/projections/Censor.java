package dev.allframe.it.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;

/** An async projection that cannot take a note saying "forbidden". */
@Projection("censor")
public class Censor {

    @EventHandler
    void on(Noted noted) {
        if (noted.text().equals("forbidden")) {
            throw new IllegalArgumentException("forbidden note on " + noted.board());
        }
    }
}
