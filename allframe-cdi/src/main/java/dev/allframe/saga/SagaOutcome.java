package dev.allframe.saga;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** How a saga ended. */
public sealed interface SagaOutcome permits SagaOutcome.Completed, SagaOutcome.Compensated,
        SagaOutcome.FailedCompensation {

    UUID sagaId();

    SagaState state();

    /** Every step succeeded. */
    record Completed(UUID sagaId) implements SagaOutcome {

        public Completed {
            requireNonNull(sagaId, "sagaId");
        }

        @Override
        public SagaState state() {
            return SagaState.COMPLETED;
        }
    }

    /**
     * A step failed (or timed out) and the failed step and every step before it were compensated.
     *
     * @param failure the step that failed and why
     */
    record Compensated(UUID sagaId, StepFailure failure) implements SagaOutcome {

        public Compensated {
            requireNonNull(sagaId, "sagaId");
            requireNonNull(failure, "failure");
        }

        @Override
        public SagaState state() {
            return SagaState.COMPENSATED;
        }
    }

    /**
     * A step failed and one or more compensations failed too; the other compensations still ran.
     *
     * @param compensationFailures every compensation that failed, in the order they ran
     */
    record FailedCompensation(UUID sagaId, StepFailure failure, List<StepFailure> compensationFailures)
            implements SagaOutcome {

        public FailedCompensation {
            requireNonNull(sagaId, "sagaId");
            requireNonNull(failure, "failure");
            compensationFailures = List.copyOf(compensationFailures);
        }

        @Override
        public SagaState state() {
            return SagaState.FAILED_COMPENSATION;
        }
    }
}
