package dev.allframe.cdi.features;

/** A state counting pings; starts from its no-argument constructor and changes in place. */
public class Pings {

    int count;

    @dev.allframe.command.Apply
    void on(Pinged pinged) {
        count++;
    }
}
