package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import dev.allframe.MessageTemplate;
import dev.allframe.command.IdempotencyScopeClosedException;
import java.util.List;

/**
 * One atomic append: all {@code events} are stored under {@code condition}, or none. The condition is
 * checked for an empty list of events too.
 *
 * @param idempotencyKey   optional; when the store already holds the key, it returns the first append's
 *                         result marked as duplicate and stores nothing, whatever the condition
 * @param idempotencyScope optional, and only with a key: the group the key belongs to. The store keeps it with
 *                         the key; once the scope is closed ({@link IdempotencyKeys#closeScope}) it refuses the
 *                         append with {@link IdempotencyScopeClosedException} (a known key is still a duplicate)
 */
public record AppendRequest(String streamId, AppendCondition condition, List<NewEvent> events,
                            String idempotencyKey, String idempotencyScope) {

    private static final MessageTemplate AF1180 = new MessageTemplate("AF1180",
            "The append to stream '%s' has the idempotency scope '%s' but no idempotency key: a scope groups keys");

    public AppendRequest {
        requireNonNull(streamId, "streamId");
        requireNonNull(condition, "condition");
        events = List.copyOf(events);
        if (idempotencyScope != null && idempotencyKey == null) {
            throw new IllegalArgumentException(AF1180.with(streamId, idempotencyScope).toString());
        }
    }

    public AppendRequest(String streamId, AppendCondition condition, List<NewEvent> events, String idempotencyKey) {
        this(streamId, condition, events, idempotencyKey, null);
    }
}
