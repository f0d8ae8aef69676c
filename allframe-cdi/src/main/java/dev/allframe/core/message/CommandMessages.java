package dev.allframe.core.message;

import static dev.allframe.AllFrameMessage.describe;
import static dev.allframe.core.message.Texts.listOrNone;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;
import java.util.List;

/** Dispatching commands and queries at run time: missing handlers, failing handlers, states and snapshots. */
public final class CommandMessages {

    static final MessageTemplate AF1101 = new MessageTemplate("AF1101",
            "No @CommandHandler handles %s; known command types: %s");
    static final MessageTemplate AF1102 = new MessageTemplate("AF1102",
            "No @QueryHandler answers %s; known query types: %s");
    static final MessageTemplate AF1105 = new MessageTemplate("AF1105",
            "Handler %s failed on %s%s: %s");
    static final MessageTemplate AF1106 = new MessageTemplate("AF1106",
            "@Apply method %s failed on event %s version %s of stream '%s': %s");
    static final MessageTemplate AF1107 = new MessageTemplate("AF1107",
            "must not be null: it is the command's @StreamId");
    static final MessageTemplate AF1175 = new MessageTemplate("AF1175",
            "must not be null or empty: it gives the value of the tag '%s', which decision model %s is decided over");
    static final MessageTemplate AF1176 = new MessageTemplate("AF1176",
            "%s over decision models, but the event store %s does not check an append's query condition, so"
            + " two commands could both decide on the same events: use a store that does (memory, jpa)");
    static final MessageTemplate AF1108 = new MessageTemplate("AF1108",
            "Handler %s returned a null event at index %s");
    static final MessageTemplate AF1110 = new MessageTemplate("AF1110",
            "Idempotency key '%s' was first used for stream '%s', not for stream '%s'");
    static final MessageTemplate AF1111 = new MessageTemplate("AF1111",
            "The answer to %s is a %s, not a %s");
    static final MessageTemplate AF1112 = new MessageTemplate("AF1112",
            "Creating the initial state with %s failed: %s");
    static final MessageTemplate AF1116 = new MessageTemplate("AF1116",
            "%s needs a message, but got null");
    static final MessageTemplate AF1117 = new MessageTemplate("AF1117",
            "The snapshot of stream '%s' at version %s was not written; the stream is folded from its events"
            + " instead");
    static final MessageTemplate AF1118 = new MessageTemplate("AF1118",
            "The snapshot of stream '%s' could not be read and is ignored; the stream is folded from its events"
            + " instead");

    private CommandMessages() {
    }

    public static AllFrameMessage noCommandHandler(Class<?> commandType, Collection<String> knownTypes) {
        return AF1101.with(commandType.getName(), listOrNone(knownTypes));
    }

    public static AllFrameMessage noQueryHandler(Class<?> queryType, Collection<String> knownTypes) {
        return AF1102.with(queryType.getName(), listOrNone(knownTypes));
    }

    public static AllFrameMessage handlerFailed(String site, Object message, String streamId, Throwable cause) {
        return AF1105.with(site, message.getClass().getName(),
                streamId == null ? "" : " for stream '" + streamId + "'", describe(cause));
    }

    public static AllFrameMessage applyFailed(String site, String typeName, String streamId, long version,
                                              Throwable cause) {
        return AF1106.with(site, typeName, version, streamId, describe(cause));
    }

    /** The constraint violation of a command whose stream id is null. */
    public static AllFrameMessage queryConditionsUnchecked(List<String> handlers, String store) {
        return AF1176.with(handlers.size() == 1 ? "Command handler " + handlers.get(0) + " decides"
                : "Command handlers " + String.join(", ", handlers) + " decide", store);
    }

    public static AllFrameMessage noTagValue(String key, Class<?> model) {
        return AF1175.with(key, model.getName());
    }

    public static AllFrameMessage streamIdMissing() {
        return AF1107.with();
    }

    public static AllFrameMessage nullEvent(String site, int index) {
        return AF1108.with(site, index);
    }

    public static AllFrameMessage idempotencyKeyReused(String key, String firstStream, String stream) {
        return AF1110.with(key, firstStream, stream);
    }

    public static AllFrameMessage unexpectedQueryResult(Class<?> queryType, Class<?> expected, Object actual) {
        return AF1111.with(queryType.getName(), actual == null ? "null" : actual.getClass().getName(),
                expected.getName());
    }

    public static AllFrameMessage initialStateFailed(String site, Throwable cause) {
        return AF1112.with(site, describe(cause));
    }

    public static AllFrameMessage nullMessage(String operation) {
        return AF1116.with(operation);
    }

    public static AllFrameMessage snapshotNotWritten(String streamId, long version) {
        return AF1117.with(streamId, version);
    }

    public static AllFrameMessage snapshotNotRead(String streamId) {
        return AF1118.with(streamId);
    }
}
