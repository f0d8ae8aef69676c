package dev.allframe.cdi.error.boundaries;

import dev.allframe.command.DecisionModel;

@DecisionModel(tags = "course")
public record NoApply(int taken) {

    public NoApply() {
        this(0);
    }
}
