package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;

/**
 * An idempotency key was used before for a command of another stream. Keys identify one intended
 * change; reusing one for another stream is a caller bug, so the first result is not returned.
 */
public class IdempotencyKeyReusedException extends AllFrameException {

    public IdempotencyKeyReusedException(AllFrameMessage message) {
        super(message);
    }
}
