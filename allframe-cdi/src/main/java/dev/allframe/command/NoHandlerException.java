package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;

/** No handler is registered for a dispatched command's or query's type. */
public class NoHandlerException extends AllFrameException {

    public NoHandlerException(AllFrameMessage message) {
        super(message);
    }
}
