package dev.allframe.cdi.error.boundaries;

import dev.allframe.command.Apply;
import dev.allframe.command.DecisionModel;

@DecisionModel(tags = {"course", "teacher"})
public record NeedsTeacher(int taken) {

    public NeedsTeacher() {
        this(0);
    }

    @Apply
    NeedsTeacher on(Enrolled enrolled) {
        return new NeedsTeacher(taken + 1);
    }
}
