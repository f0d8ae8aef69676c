package dev.allframe.sample.bank.rest;

import dev.allframe.AllFrameException;
import dev.allframe.CommandRejectedException;
import dev.allframe.CommandValidationException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The body of every error answer: the message's id, the message, and where it applies the rejection's
 * reason or the violated constraints. Absent parts are left out of the JSON.
 */
@JsonbPropertyOrder({"error", "message", "reason", "violations"})
public record ErrorResponse(String error, String message, String reason, List<Violation> violations) {

    /**
     * The sample's own message ids: an account id that names no account; a body that is not the expected
     * JSON; views that have not caught up with a stored command.
     */
    static final String UNKNOWN_ACCOUNT = "BANK001";
    static final String UNREADABLE_BODY = "BANK002";
    static final String VIEWS_BEHIND = "BANK003";

    static ErrorResponse of(AllFrameException e) {
        return new ErrorResponse(e.messageId(), e.getMessage(), null, null);
    }

    static ErrorResponse rejected(CommandRejectedException e) {
        return new ErrorResponse(e.messageId(), e.getMessage(), e.reason(), null);
    }

    static ErrorResponse invalid(CommandValidationException e) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(v.path(), v.message()))
                .toList();
        return new ErrorResponse(e.messageId(), e.getMessage(), null, violations);
    }

    static ErrorResponse unknownAccount(String accountId) {
        return new ErrorResponse(UNKNOWN_ACCOUNT, UNKNOWN_ACCOUNT + ": No account " + accountId, null, null);
    }

    static ErrorResponse unreadableBody(String problem) {
        return new ErrorResponse(UNREADABLE_BODY,
                UNREADABLE_BODY + ": The request body is not the JSON this resource expects: " + problem, null, null);
    }

    static ErrorResponse viewsBehind(long position) {
        return new ErrorResponse(VIEWS_BEHIND, VIEWS_BEHIND + ": The command is stored at position " + position
                + ", but the account views have not caught up with it yet; read the account again", null, null);
    }

    /** One violated constraint: the property path (empty for the whole command) and the message. */
    @JsonbPropertyOrder({"path", "message"})
    public record Violation(String path, String message) {
    }
}
