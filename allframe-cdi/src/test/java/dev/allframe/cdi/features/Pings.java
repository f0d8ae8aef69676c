package dev.allframe.cdi.features;

import dev.allframe.projection.EventHandler;

/** A state counting pings; starts from its no-argument constructor and changes in place. */
public class Pings {

    int count;

    @dev.allframe.command.Apply
    @EventHandler
    void on(Pinged pinged) {
        count++;
    }
}
