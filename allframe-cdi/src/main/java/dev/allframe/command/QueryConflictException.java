package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.MessageTemplate;
import dev.allframe.event.EventQuery;

/**
 * An append decided over a query was refused: an event matching the query was stored after the position the decision
 * was read at (a dynamic consistency boundary changed). Nothing of the append was stored; deciding again over what
 * the query finds now may succeed.
 */
public class QueryConflictException extends AllFrameException {

    private static final MessageTemplate AF1174 = new MessageTemplate("AF1174",
            "The append to stream '%s' was decided over %s up to position %s, but the event at position %s (type '%s'"
            + " in stream '%s') matches that query; nothing was stored");

    private final String streamId;
    private final EventQuery query;
    private final long after;
    private final long matchingPosition;

    /**
     * @param after            the position the decision was read at
     * @param matchingPosition the first event after it that matches the query
     */
    public QueryConflictException(String streamId, EventQuery query, long after, long matchingPosition,
                                  String matchingType, String matchingStream) {
        super(AF1174.with(streamId, query, after, matchingPosition, matchingType, matchingStream));
        this.streamId = streamId;
        this.query = query;
        this.after = after;
        this.matchingPosition = matchingPosition;
    }

    /** The stream the append was for. */
    public String streamId() {
        return streamId;
    }

    public EventQuery query() {
        return query;
    }

    /** The position the decision was read at. */
    public long after() {
        return after;
    }

    /** The position of the first event after {@link #after()} that matches the query. */
    public long matchingPosition() {
        return matchingPosition;
    }
}
