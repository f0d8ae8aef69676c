package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;

/**
 * A handler, or the fold of the aggregate state it needed, failed with an exception other than
 * AllFrame's own. The message names the handler method or the state method; the cause is the original
 * exception.
 */
public class HandlerFailedException extends AllFrameException {

    public HandlerFailedException(AllFrameMessage message, Throwable cause) {
        super(message, cause);
    }

    public HandlerFailedException(AllFrameMessage message) {
        super(message);
    }
}
