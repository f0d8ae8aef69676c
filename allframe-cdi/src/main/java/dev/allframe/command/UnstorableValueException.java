package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;

/**
 * An append carried an id that not every event store keeps: longer than the 200 characters of the stores' id
 * columns, or holding the character U+0000, which PostgreSQL refuses in text. Every store refuses it alike, the
 * in-memory one too, before anything is stored; a command is refused before its handler runs. Which value it was
 * is {@link #valueName()}: {@code stream id}, {@code idempotency key}, {@code idempotency scope}, {@code type name},
 * {@code correlation id}, {@code causation id} or {@code tag}.
 */
public class UnstorableValueException extends AllFrameException {

    private static final MessageTemplate AF1186 = new MessageTemplate("AF1186",
            "Append to stream '%s' refused: its %s is %s characters long, more than the %s every event store keeps;"
            + " nothing was stored");
    private static final MessageTemplate AF1187 = new MessageTemplate("AF1187",
            "Append to stream '%s' refused: its %s holds the character U+0000, which PostgreSQL cannot store; nothing"
            + " was stored");

    /** How many characters of an unstorable stream id a message shows. */
    private static final int SHOWN = 40;

    private final String streamId;
    private final String valueName;
    private final int length;
    private final int limit;

    private UnstorableValueException(AllFrameMessage message, String streamId, String valueName, int length,
                                     int limit) {
        super(message);
        this.streamId = streamId;
        this.valueName = valueName;
        this.length = length;
        this.limit = limit;
    }

    /**
     * The {@code valueName} of the append to {@code streamId} is {@code length} characters long, over {@code limit}.
     */
    public static UnstorableValueException tooLong(String streamId, String valueName, int length, int limit) {
        return new UnstorableValueException(AF1186.with(shown(streamId, limit), valueName, length, limit), streamId,
                valueName, length, limit);
    }

    /** The {@code valueName} of the append to {@code streamId}, {@code length} characters long, holds U+0000. */
    public static UnstorableValueException nulCharacter(String streamId, String valueName, int length, int limit) {
        return new UnstorableValueException(AF1187.with(shown(streamId, limit), valueName), streamId, valueName,
                length, limit);
    }

    /** The stream id as the append gave it, however long. */
    public String streamId() {
        return streamId;
    }

    /** Which value was refused, e.g. {@code correlation id}. */
    public String valueName() {
        return valueName;
    }

    /** The refused value's length, in Java characters. */
    public int length() {
        return length;
    }

    /** The most characters an id may have. */
    public int limit() {
        return limit;
    }

    /** The stream id for a message: cut when longer than the limit, U+0000 written out. */
    private static String shown(String streamId, int limit) {
        String shown = streamId.length() > limit ? streamId.substring(0, SHOWN) + "..." : streamId;
        return shown.replace("\u0000", "\\u0000");
    }
}
