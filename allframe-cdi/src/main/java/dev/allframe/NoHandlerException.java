package dev.allframe;

/** No handler is registered for a dispatched command's or query's type. */
public class NoHandlerException extends AllFrameException {

    public NoHandlerException(String message) {
        super(message);
    }
}
