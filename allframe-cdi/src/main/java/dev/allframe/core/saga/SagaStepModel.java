package dev.allframe.core.saga;

import static java.util.Objects.requireNonNull;

import dev.allframe.saga.Step;

/**
 * A step bound to what runs it.
 *
 * @param position the step's place in its saga, from 1
 * @param site     how messages name the step: its class
 */
public record SagaStepModel(int position, String name, String site, Step<Object> step, StepGuard guard) {

    public SagaStepModel {
        requireNonNull(name, "name");
        requireNonNull(site, "site");
        requireNonNull(step, "step");
        requireNonNull(guard, "guard");
    }
}
