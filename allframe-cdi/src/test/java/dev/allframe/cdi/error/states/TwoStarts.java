package dev.allframe.cdi.error.states;

import dev.allframe.command.InitialState;

public record TwoStarts(int value) {

    @InitialState
    static TwoStarts zero() {
        return new TwoStarts(0);
    }

    @InitialState
    static TwoStarts one() {
        return new TwoStarts(1);
    }
}
