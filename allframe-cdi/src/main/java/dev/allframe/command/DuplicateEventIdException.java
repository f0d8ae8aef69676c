package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.UUID;

/**
 * An append carried an event id that an event stored before has, or that two of its own events share. Event ids
 * are unique in a store; the append was refused, whatever its condition, and nothing of it was stored. This is no
 * {@link ConcurrencyConflictException}: appending it again cannot succeed.
 */
public class DuplicateEventIdException extends AllFrameException {

    private static final MessageTemplate AF1188 = new MessageTemplate("AF1188",
            "Append to stream '%s' refused: its event id %s is the id of %s; nothing was stored");

    private final String streamId;
    private final UUID eventId;

    private DuplicateEventIdException(AllFrameMessage message, String streamId, UUID eventId) {
        super(message);
        this.streamId = streamId;
        this.eventId = eventId;
    }

    /** An event of the append to {@code streamId} has the id {@code eventId} of an event stored before. */
    public static DuplicateEventIdException storedBefore(String streamId, UUID eventId) {
        return new DuplicateEventIdException(AF1188.with(streamId, eventId, "an event stored before"), streamId,
                eventId);
    }

    /** Two events of the append to {@code streamId} have the id {@code eventId}. */
    public static DuplicateEventIdException twiceInAppend(String streamId, UUID eventId) {
        return new DuplicateEventIdException(AF1188.with(streamId, eventId, "two of its events"), streamId, eventId);
    }

    public String streamId() {
        return streamId;
    }

    public UUID eventId() {
        return eventId;
    }
}
