package dev.allframe.core.saga;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A saga ready to run: its steps in order. */
public record SagaModel(String name, List<SagaStepModel> steps) {

    public SagaModel {
        requireNonNull(name, "name");
        steps = List.copyOf(steps);
    }

    /** The step at {@code position}, from 1. */
    public SagaStepModel step(int position) {
        return steps.get(position - 1);
    }
}
