package dev.allframe.saga;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandOptions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a step knows about the saga it runs in.
 *
 * @param <I> the saga's input
 */
public interface SagaContext<I> {

    UUID sagaId();

    /** The saga's name. */
    String saga();

    /** The input the saga was started with. */
    I input();

    /** The step's position in the saga, from 1. */
    int step();

    String stepName();

    /** The output an earlier step returned in its {@link StepResult}, when it returned one. */
    <T> Optional<T> output(String stepName, Class<T> type);

    /**
     * A key that is the same every time this step's execution (or compensation) of this saga runs: after
     * a retry ({@code <class>/execute/Retry/maxRetries}) and after a crash. Pass it to
     * {@link CommandOptions#idempotencyKey(String)}, suffixed when the step dispatches more than one
     * command, so that a repeated step appends nothing twice.
     */
    String idempotencyKey();

    /**
     * In a compensation: the events this step's execution stored through AllFrame, in order (the commands it
     * dispatched with {@link #commandOptions()}, and the appends of its {@link StepResult}); empty when it stored
     * none, because its command was refused, it never ran, or its time was up first. Final: before the compensation
     * starts, the saga closes the execution's idempotency scope, so that nothing the execution still does (a thread
     * that outlived its timeout) can be stored any more. What the step did outside AllFrame is its own to find out.
     *
     * @throws IllegalStateException in the step's execution
     */
    List<EventEnvelope> executionEvents();

    /** In a compensation: whether the step's execution stored any event ({@link #executionEvents()}). */
    default boolean executionStored() {
        return !executionEvents().isEmpty();
    }

    /**
     * Options for commands the step dispatches: the saga's id as correlation id and {@link #idempotencyKey()}; in the
     * execution, the execution as idempotency scope too ({@link CommandOptions#idempotencyScope()}), which keeps its
     * commands from being stored once the saga compensates the step. Keep the scope when you suffix the key.
     */
    default CommandOptions commandOptions() {
        return CommandOptions.none().correlationId(sagaId().toString()).idempotencyKey(idempotencyKey());
    }
}
