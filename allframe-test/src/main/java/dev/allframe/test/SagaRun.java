package dev.allframe.test;

import dev.allframe.saga.SagaExecution;
import dev.allframe.test.internal.StepDoubles;
import dev.allframe.test.internal.TestKitMessages;
import java.util.UUID;
import java.util.function.Supplier;

/** A saga a test started and has not yet looked at the end of: see {@link AllFrameFixture#startSaga}. */
public final class SagaRun {

    private static final long HANG_GUARD_MILLIS = 10_000;

    private final String saga;
    private final Object input;
    private final SagaExecution execution;
    private final Supplier<SagaThen> outcome;
    private final StepDoubles steps;

    SagaRun(String saga, Object input, SagaExecution execution, Supplier<SagaThen> outcome, StepDoubles steps) {
        this.saga = saga;
        this.input = input;
        this.execution = execution;
        this.outcome = outcome;
        this.steps = steps;
    }

    public UUID sagaId() {
        return execution.sagaId();
    }

    /**
     * Waits until a step made to {@linkplain AllFrameFixture#hangStep hang} hangs: its timeout is then on the test's
     * timer, for {@link AllFrameFixture#advanceTime} to bring. Fails the test if none hangs within ten seconds.
     */
    public SagaRun awaitHangingStep() {
        try {
            if (!steps.awaitHanging(HANG_GUARD_MILLIS)) {
                throw new AssertionError(TestKitMessages.noHangingStep(saga, String.valueOf(input)).toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(TestKitMessages.noHangingStep(saga, String.valueOf(input)).toString(), e);
        }
        return this;
    }

    /** Waits for the saga's outcome, as {@link AllFrameFixture#whenSaga} does, and answers it. */
    public SagaThen then() {
        return outcome.get();
    }
}
