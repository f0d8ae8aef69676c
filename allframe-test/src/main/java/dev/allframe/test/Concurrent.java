package dev.allframe.test;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Events another writer appends while a command is being decided: after the command's stream was read and before
 * its events are appended, so that the command meets a concurrency conflict, deterministically. Once by default
 * (AllFrame retries the command and the retry sees the events); on {@link #everyAttempt()} before each attempt, so
 * that the retries run out and the conflict reaches the caller.
 *
 * @param streamId the stream the other writer appends to (the command's own, for a conflict)
 * @param events   the events it appends
 * @param everyAttempt whether it appends them again before each retry
 */
public record Concurrent(String streamId, List<Object> events, boolean everyAttempt) {

    public Concurrent {
        requireNonNull(streamId, "streamId");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a concurrent append needs at least one event");
        }
    }

    /** {@code events} appended to {@code streamId} once, between the command's read and its append. */
    public static Concurrent append(String streamId, Object... events) {
        return new Concurrent(streamId, List.of(events), false);
    }

    /** The same events appended again before every attempt, retries included. */
    public Concurrent onEveryAttempt() {
        return new Concurrent(streamId, events, true);
    }
}
