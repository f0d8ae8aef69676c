package dev.allframe;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.AllFrameMessages;

/**
 * Thrown by a command handler to reject a command for a business reason (insufficient funds, account
 * closed, ...). Nothing is stored, the command is not retried, and the exception reaches the caller
 * unchanged.
 */
public class CommandRejectedException extends AllFrameException {

    private final String reason;

    public CommandRejectedException(String reason) {
        super(AllFrameMessages.commandRejected(requireNonNull(reason, "reason")));
        this.reason = reason;
    }

    /** The reason as the handler gave it. */
    public String reason() {
        return reason;
    }
}
