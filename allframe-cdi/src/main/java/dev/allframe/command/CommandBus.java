package dev.allframe.command;

import java.util.concurrent.CompletionStage;

/**
 * Dispatches commands to their {@link CommandHandler}: validates the command, folds the aggregate state
 * when the handler takes one, calls the handler and appends the returned events to the command's
 * stream. Inject it: {@code @Inject CommandBus bus;}
 */
public interface CommandBus {

    /**
     * Dispatches {@code command} and returns once its events are stored.
     *
     * @throws NoHandlerException           no handler handles the command's type
     * @throws CommandValidationException   the command violates its constraints; nothing was stored
     * @throws CommandRejectedException     the handler rejected the command; nothing was stored
     * @throws ConcurrencyConflictException the stream changed concurrently (after the retries of a
     *                                      stateful handler)
     * @throws HandlerFailedException       the handler or the state's fold failed otherwise
     */
    CommandResult dispatch(Object command, CommandOptions options);

    /** {@link #dispatch(Object, CommandOptions)} without options. */
    default CommandResult dispatch(Object command) {
        return dispatch(command, CommandOptions.none());
    }

    /**
     * Dispatches {@code command} on another thread; the stage completes with the result or with one of
     * the exceptions {@link #dispatch(Object, CommandOptions)} throws.
     */
    CompletionStage<CommandResult> dispatchAsync(Object command, CommandOptions options);

    /** {@link #dispatchAsync(Object, CommandOptions)} without options. */
    default CompletionStage<CommandResult> dispatchAsync(Object command) {
        return dispatchAsync(command, CommandOptions.none());
    }
}
