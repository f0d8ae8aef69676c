package dev.allframe.cdi.error.states;

import dev.allframe.command.StateVersion;

@StateVersion(0)
public record ZeroVersion(int value) {

    public ZeroVersion() {
        this(0);
    }
}
