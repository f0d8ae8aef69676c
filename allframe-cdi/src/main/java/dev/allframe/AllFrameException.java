package dev.allframe;

import static java.util.Objects.requireNonNull;

/**
 * Base of AllFrame's exceptions. Each one carries an {@link AllFrameMessage}: its text is the exception's
 * message ({@code AF1101: ...}) and {@link #messageId()} its stable id.
 */
public class AllFrameException extends RuntimeException {

    private final String messageId;
    private final String text;

    public AllFrameException(AllFrameMessage message) {
        this(message, null);
    }

    public AllFrameException(AllFrameMessage message, Throwable cause) {
        super(requireNonNull(message, "message").toString(), cause);
        this.messageId = message.id();
        this.text = message.text();
    }

    /** The stable id of the message, e.g. {@code AF1101}. */
    public String messageId() {
        return messageId;
    }

    /** The message as id and text. */
    public AllFrameMessage allFrameMessage() {
        return new AllFrameMessage(messageId, text);
    }
}
