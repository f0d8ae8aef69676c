package dev.allframe.command;

import static java.util.Objects.requireNonNull;

import dev.allframe.AllFrameException;
import dev.allframe.MessageTemplate;

/**
 * Thrown by a command handler to reject a command for a business reason (insufficient funds, account
 * closed, ...). Nothing is stored, the command is not retried, and the exception reaches the caller
 * unchanged.
 */
public class CommandRejectedException extends AllFrameException {

    private static final MessageTemplate AF1109 = new MessageTemplate("AF1109",
            "Command rejected: %s");

    private final String reason;

    public CommandRejectedException(String reason) {
        super(AF1109.with(requireNonNull(reason, "reason")));
        this.reason = reason;
    }

    /** The reason as the handler gave it. */
    public String reason() {
        return reason;
    }
}
