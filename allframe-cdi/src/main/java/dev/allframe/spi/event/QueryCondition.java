package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import dev.allframe.command.QueryConflictException;
import dev.allframe.event.EventQuery;

/**
 * The condition of an append decided over a query (a dynamic consistency boundary): the append happens only if no
 * stored event matching {@code failIfEventsMatch} has a global position above {@code after}, the position the
 * decision was read at. The events of the append itself are not counted.
 *
 * @param after 0 when the decision saw no event at all
 */
public record QueryCondition(EventQuery failIfEventsMatch, long after) {

    public QueryCondition {
        requireNonNull(failIfEventsMatch, "failIfEventsMatch");
        if (after < 0) {
            throw new IllegalArgumentException("A position is 0 or more: " + after);
        }
    }

    /**
     * The refusal of an append to {@code streamId} under this condition, by the first matching event after
     * {@link #after()}: at {@code position}, of {@code typeName}, in {@code matchingStream}.
     */
    public QueryConflictException refusedBy(String streamId, long position, String typeName, String matchingStream) {
        return new QueryConflictException(streamId, failIfEventsMatch, after, position, typeName, matchingStream);
    }
}
