package dev.allframe.projection;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;
import dev.allframe.EventEnvelope;

/**
 * A projection's handler failed on an event. For an inline projection, the command that appended the
 * event was rolled back; a tracking projection retries, then stops FAILED at the event.
 */
public class ProjectionFailedException extends AllFrameException {

    private final String projection;
    private final transient EventEnvelope event;

    public ProjectionFailedException(AllFrameMessage message, String projection, EventEnvelope event, Throwable cause) {
        super(message, cause);
        this.projection = projection;
        this.event = event;
    }

    public String projection() {
        return projection;
    }

    /** The event the handler failed on. */
    public EventEnvelope event() {
        return event;
    }
}
