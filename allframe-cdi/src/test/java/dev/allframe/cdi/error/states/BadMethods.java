package dev.allframe.cdi.error.states;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

public class BadMethods {

    @InitialState
    BadMethods notStatic() {
        return this;
    }

    @Apply
    static BadMethods staticApply(Event event) {
        return null;
    }

    @Apply
    String wrongReturn(Event event) {
        return "";
    }

    @Apply
    BadMethods first(Event event) {
        return this;
    }

    @Apply
    void second(Event event) {
    }
}
