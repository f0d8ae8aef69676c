package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.MessageTemplate;

/**
 * An append carried an idempotency scope that was closed before it could be stored: for a saga step's command, the
 * saga gave the step's execution up and compensated it. Nothing of the append was stored.
 */
public class IdempotencyScopeClosedException extends AllFrameException {

    private static final MessageTemplate AF1181 = new MessageTemplate("AF1181",
            "Append to stream '%s' refused: its idempotency scope '%s' was closed (a saga compensated the step"
            + " execution it belongs to); nothing was stored");

    private final String streamId;
    private final String scope;

    public IdempotencyScopeClosedException(String streamId, String scope) {
        super(AF1181.with(streamId, scope));
        this.streamId = streamId;
        this.scope = scope;
    }

    public String streamId() {
        return streamId;
    }

    public String scope() {
        return scope;
    }
}
