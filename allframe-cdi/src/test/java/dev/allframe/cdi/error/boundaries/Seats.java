package dev.allframe.cdi.error.boundaries;

import dev.allframe.command.Apply;
import dev.allframe.command.DecisionModel;

@DecisionModel(tags = "course")
public record Seats(int taken) {

    public Seats() {
        this(0);
    }

    @Apply
    Seats on(Enrolled enrolled) {
        return new Seats(taken + 1);
    }
}
