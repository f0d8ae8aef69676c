package dev.allframe.test;

import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.StepFailure;
import dev.allframe.test.internal.SameList;
import dev.allframe.test.internal.TestKitMessages;
import java.time.Duration;
import java.util.List;

/**
 * How a saga ended, for a test to expect: completed, compensated after a step failed, or with compensations that
 * failed; the executions and compensations of its steps in the order they ran; the events stored meanwhile.
 */
public final class SagaThen {

    private final String saga;
    private final Object input;
    private final SagaOutcome outcome;
    private final List<Object> events;
    private final List<Object> commands;
    private final List<SagaLogEntry> history;
    private final Duration elapsed;

    /** What the saga left: events stored, commands handled, its history, the test's time that passed. */
    record Done(List<Object> events, List<Object> commands, List<SagaLogEntry> history, Duration elapsed) {
    }

    SagaThen(String saga, Object input, SagaOutcome outcome, Done done) {
        this.saga = saga;
        this.input = input;
        this.outcome = outcome;
        this.events = List.copyOf(done.events());
        this.commands = List.copyOf(done.commands());
        this.history = List.copyOf(done.history());
        this.elapsed = done.elapsed();
    }

    public SagaThen thenCompleted() {
        if (!(outcome instanceof SagaOutcome.Completed)) {
            throw failure("complete");
        }
        return this;
    }

    /** Step {@code step} (from 1) failed and the steps before it were compensated. */
    public SagaThen thenCompensated(int step) {
        if (!(outcome instanceof SagaOutcome.Compensated compensated) || compensated.failure().step() != step) {
            throw failure("be compensated after step " + step + " failed");
        }
        return this;
    }

    /** Step {@code step} failed and at least one compensation failed too. */
    public SagaThen thenFailedCompensation(int step) {
        if (!(outcome instanceof SagaOutcome.FailedCompensation failed) || failed.failure().step() != step) {
            throw failure("fail to compensate after step " + step + " failed");
        }
        return this;
    }

    /**
     * The steps ran exactly so, each as {@code "EXECUTE <step name> <result>"} or
     * {@code "COMPENSATE <step name> <result>"}, in the order they started: e.g. {@code "EXECUTE DebitSource SUCCEEDED"}.
     */
    public SagaThen thenSteps(String... expected) {
        SameList.require(List.of(expected), steps(), table -> TestKitMessages.otherSteps(saga, table));
        return this;
    }

    /** The saga's steps stored exactly {@code expected} on any streams, in the order they were stored. */
    public SagaThen thenEvents(Object... expected) {
        SameList.require(List.of(expected), events, table -> TestKitMessages.otherEvents(subject(), table));
        return this;
    }

    /**
     * The saga's steps dispatched exactly {@code expected}, in the order their handlers ran (compared with
     * {@code equals}; a command retried after a conflict counts once per run).
     */
    public SagaThen thenCommands(Object... expected) {
        SameList.require(List.of(expected), commands, table -> TestKitMessages.otherCommands(subject(), table));
        return this;
    }

    /** The commands the saga's steps dispatched, as their handlers ran them. */
    public List<Object> commands() {
        return commands;
    }

    public SagaOutcome outcome() {
        return outcome;
    }

    public List<SagaLogEntry> history() {
        return history;
    }

    /** How much of the test's manual time passed while the saga ran; {@code null} on the system's time. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The events stored while the saga ran. */
    public List<Object> events() {
        return events;
    }

    private List<String> steps() {
        return history.stream().map(e -> e.action() + " " + e.stepName() + " " + e.result()).toList();
    }

    private AssertionError failure(String expectation) {
        return new AssertionError(TestKitMessages.otherOutcome(subject(), expectation, "it " + ended()).toString());
    }

    private String ended() {
        if (outcome instanceof SagaOutcome.Compensated compensated) {
            return "was compensated after " + failed(compensated.failure());
        }
        if (outcome instanceof SagaOutcome.FailedCompensation failed) {
            return "failed to compensate after " + failed(failed.failure()) + ", compensations failing: "
                    + failed.compensationFailures().stream().map(SagaThen::failed).toList();
        }
        return "completed";
    }

    private static String failed(StepFailure failure) {
        return "step " + failure.step() + " (" + failure.stepName() + ") failed: "
                + (failure.cause() == null ? failure.message() : CommandThen.describe(failure.cause()));
    }

    private String subject() {
        return "The saga '" + saga + "' with input " + input;
    }
}
