package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One atomic append: all {@code events} are stored under {@code condition}, or none. The condition is
 * checked for an empty list of events too.
 *
 * @param idempotencyKey optional; when the store already holds the key, it returns the first append's
 *                       result marked as duplicate and stores nothing, whatever the condition
 */
public record AppendRequest(String streamId, AppendCondition condition, List<NewEvent> events,
                            String idempotencyKey) {

    public AppendRequest {
        requireNonNull(streamId, "streamId");
        requireNonNull(condition, "condition");
        events = List.copyOf(events);
    }
}
