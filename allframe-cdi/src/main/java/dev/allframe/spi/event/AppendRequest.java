package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import dev.allframe.MessageTemplate;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.command.UnstorableValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One atomic append: all {@code events} are stored under {@code condition} and {@code queryCondition}, or none. The
 * conditions are checked for an empty list of events too. Its ids are ones every store keeps ({@link StoreLimits}), and its events'
 * ids are distinct, or it cannot be made.
 *
 * @param idempotencyKey   optional; when the store already holds the key, it returns the first append's
 *                         result marked as duplicate and stores nothing, whatever the condition
 * @param idempotencyScope optional, and only with a key: the group the key belongs to. The store keeps it with
 *                         the key; once the scope is closed ({@link IdempotencyKeys#closeScope}) it refuses the
 *                         append with {@link IdempotencyScopeClosedException} (a known key is still a duplicate)
 * @param queryCondition   optional: no stored event may match a query after a position (a store that
 *                         {@linkplain AppendToEventStream#checksQueryConditions() checks such conditions} refuses the
 *                         append with {@link dev.allframe.command.QueryConflictException} otherwise)
 */
public record AppendRequest(String streamId, AppendCondition condition, List<NewEvent> events,
                            String idempotencyKey, String idempotencyScope, QueryCondition queryCondition) {

    private static final MessageTemplate AF1180 = new MessageTemplate("AF1180",
            "The append to stream '%s' has the idempotency scope '%s' but no idempotency key: a scope groups keys");

    /**
     * @throws UnstorableValueException an id is one no store keeps ({@link StoreLimits})
     * @throws DuplicateEventIdException two events have the same id
     */
    public AppendRequest {
        requireNonNull(streamId, "streamId");
        requireNonNull(condition, "condition");
        events = List.copyOf(events);
        if (idempotencyScope != null && idempotencyKey == null) {
            throw new IllegalArgumentException(AF1180.with(streamId, idempotencyScope).toString());
        }
        StoreLimits.check(streamId, idempotencyKey, idempotencyScope, null, null);
        for (NewEvent event : events) {
            StoreLimits.check(streamId, event);
        }
        if (events.size() > 1) {
            Set<UUID> ids = new HashSet<>();
            for (NewEvent event : events) {
                if (!ids.add(event.eventId())) {
                    throw DuplicateEventIdException.twiceInAppend(streamId, event.eventId());
                }
            }
        }
    }

    public AppendRequest(String streamId, AppendCondition condition, List<NewEvent> events, String idempotencyKey,
                         String idempotencyScope) {
        this(streamId, condition, events, idempotencyKey, idempotencyScope, null);
    }

    public AppendRequest(String streamId, AppendCondition condition, List<NewEvent> events, String idempotencyKey) {
        this(streamId, condition, events, idempotencyKey, null, null);
    }

    /** This append, made only if no stored event matches {@code condition}'s query after its position. */
    public AppendRequest onlyIf(QueryCondition condition) {
        return new AppendRequest(streamId, this.condition, events, idempotencyKey, idempotencyScope,
                requireNonNull(condition, "condition"));
    }

    /** Whether any of the events carries a tag. */
    public boolean tagged() {
        for (NewEvent event : events) {
            if (!event.tags().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
