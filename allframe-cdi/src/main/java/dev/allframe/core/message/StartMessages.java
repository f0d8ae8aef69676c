package dev.allframe.core.message;

import static dev.allframe.core.message.Texts.count;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;

/** What AllFrame logs when an application starts. */
public final class StartMessages {

    static final MessageTemplate AF1200 = new MessageTemplate("AF1200",
            "AllFrame %s started with %s, %s, %s, %s and the %s event store");
    static final MessageTemplate AF1201 = new MessageTemplate("AF1201",
            "%s %s is handled by %s");

    private StartMessages() {
    }

    public static AllFrameMessage started(String version, int commandHandlers, int queryHandlers, int projections,
                                          int sagas, String eventStore) {
        return AF1200.with(version, count(commandHandlers, "command handler"), count(queryHandlers, "query handler"),
                count(projections, "projection"), count(sagas, "saga"), eventStore);
    }

    public static AllFrameMessage handlerRegistered(String kind, Class<?> messageType, String site) {
        return AF1201.with(kind, messageType.getName(), site);
    }
}
