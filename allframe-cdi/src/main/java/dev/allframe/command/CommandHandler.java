package dev.allframe.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as the handler of the command type of its first parameter.
 *
 * <p>Two shapes are accepted:
 * <ul>
 *   <li>{@code Events handle(Command cmd)}: stateless;</li>
 *   <li>{@code Events handle(Command cmd, State state)}: {@code State} is folded from the command's
 *       stream (see {@link InitialState} and {@link Apply}) before the call, and the returned events are
 *       appended with the stream version that was read as the expected version. Such handlers are
 *       retried on a concurrency conflict up to {@code allframe.command.max-retries} times.</li>
 * </ul>
 * {@code Events} is {@code void} (no events), a {@link java.util.Collection} of events, or one event
 * (a {@code null} return means none). The command type names its stream with {@link StreamId}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CommandHandler {

    /**
     * When {@code true}, the handler starts a new stream: the append fails with a
     * {@link ConcurrencyConflictException} when the stream already has events.
     */
    boolean createsStream() default false;
}
