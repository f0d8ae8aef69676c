package dev.allframe.saga;

import dev.allframe.command.CommandOptions;
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
     * The {@link #idempotencyKey()} of this step's execution, also while it compensates. A compensation finds out
     * with it whether the execution's command took effect: the store keeps the key with the events that command
     * appended ({@code EventStore.findByIdempotencyKey}), so that a step whose command was refused, or never ran,
     * has nothing to undo.
     */
    String executionIdempotencyKey();

    /** Options for commands the step dispatches: the saga's id as correlation id and {@link #idempotencyKey()}. */
    default CommandOptions commandOptions() {
        return CommandOptions.none().correlationId(sagaId().toString()).idempotencyKey(idempotencyKey());
    }
}
