package dev.allframe;

/**
 * The event store cannot do what was asked: a stored event that cannot be read back, two event classes
 * claiming one stored type, a store that is not set up. The message says what and where; nothing stored
 * was changed.
 */
public class EventStoreException extends AllFrameException {

    public EventStoreException(AllFrameMessage message) {
        super(message);
    }

    public EventStoreException(AllFrameMessage message, Throwable cause) {
        super(message, cause);
    }
}
