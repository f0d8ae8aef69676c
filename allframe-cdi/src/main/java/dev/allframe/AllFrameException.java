package dev.allframe;

/**
 * Base of AllFrame's exceptions. Every message starts with a stable id such as {@code AF1101}, which
 * {@link #messageId()} returns on its own.
 */
public class AllFrameException extends RuntimeException {

    public AllFrameException(String message) {
        super(message);
    }

    public AllFrameException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The stable id the message starts with, e.g. {@code AF1101}. */
    public String messageId() {
        String message = getMessage();
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }
}
