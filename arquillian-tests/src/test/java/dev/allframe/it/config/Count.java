package dev.allframe.it.config;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

public record Count(int value) {

    @InitialState
    static Count zero() {
        return new Count(0);
    }

    @Apply
    Count on(Incremented e) {
        return new Count(value + 1);
    }
}
