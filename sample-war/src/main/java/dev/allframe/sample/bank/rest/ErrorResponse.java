package dev.allframe.sample.bank.rest;

import dev.allframe.AllFrameException;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandValidationException;
import dev.allframe.projection.ProjectionStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The body of every error answer: the message's id, the message, and where it applies the rejection's
 * reason or the violated constraints. Absent parts are left out of the JSON.
 */
@JsonbPropertyOrder({"error", "message", "reason", "violations", "transfer"})
public record ErrorResponse(String error, String message, String reason, List<Violation> violations,
                            TransferView transfer) {

    /**
     * The sample's own message ids: an account id that names no account; a body that is not the expected
     * JSON; views that have not caught up with a stored command; a transfer the saga undid; a transfer it
     * could not fully undo; a body over the size limit; a request the resources do not take; views that stopped at
     * an event they cannot apply; an operator action without the operator's token.
     */
    static final String UNKNOWN_ACCOUNT = "BANK001";
    static final String UNREADABLE_BODY = "BANK002";
    static final String VIEWS_BEHIND = "BANK003";
    static final String TRANSFER_UNDONE = "BANK004";
    static final String TRANSFER_NOT_UNDONE = "BANK005";
    static final String BODY_TOO_LARGE = "BANK006";
    static final String NOT_TAKEN = "BANK007";
    static final String VIEWS_STOPPED = "BANK008";
    static final String NOT_AN_OPERATOR = "BANK009";

    static ErrorResponse of(AllFrameException e) {
        return new ErrorResponse(e.messageId(), e.getMessage(), null, null, null);
    }

    static ErrorResponse rejected(CommandRejectedException e) {
        return new ErrorResponse(e.messageId(), e.getMessage(), e.reason(), null, null);
    }

    static ErrorResponse invalid(CommandValidationException e) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(v.path(), v.message()))
                .toList();
        return new ErrorResponse(e.messageId(), e.getMessage(), null, violations, null);
    }

    static ErrorResponse unknownAccount(String accountId) {
        return new ErrorResponse(UNKNOWN_ACCOUNT, UNKNOWN_ACCOUNT + ": No account " + accountId, null, null, null);
    }

    static ErrorResponse unreadableBody(String problem) {
        return new ErrorResponse(UNREADABLE_BODY,
                UNREADABLE_BODY + ": The request body is not the JSON this resource expects: " + problem, null, null,
                null);
    }

    static ErrorResponse viewsBehind(long position) {
        return new ErrorResponse(VIEWS_BEHIND, VIEWS_BEHIND + ": The command is stored at position " + position
                + ", but the account views have not caught up with it yet; read the account again", null, null, null);
    }

    static ErrorResponse transferUndone(TransferView transfer, String reason) {
        return new ErrorResponse(TRANSFER_UNDONE, TRANSFER_UNDONE + ": The transfer of " + transfer.amount()
                + " from " + transfer.from() + " to " + transfer.to() + " was undone: " + reason, reason, null, transfer);
    }

    static ErrorResponse transferNotUndone(TransferView transfer, String reason, String failures) {
        return new ErrorResponse(TRANSFER_NOT_UNDONE, TRANSFER_NOT_UNDONE + ": The transfer of " + transfer.amount()
                + " from " + transfer.from() + " to " + transfer.to() + " failed (" + reason
                + ") and was not fully undone: " + failures, reason, null, transfer);
    }

    static ErrorResponse bodyTooLarge(int limit) {
        return new ErrorResponse(BODY_TOO_LARGE, BODY_TOO_LARGE + ": The request body is larger than the " + limit
                + " bytes this bank accepts", null, null, null);
    }

    static ErrorResponse httpError(int status, String reason, String method, String path) {
        return new ErrorResponse(NOT_TAKEN, NOT_TAKEN + ": HTTP " + status + " " + reason + ": " + method + " " + path,
                null, null, null);
    }

    static ErrorResponse viewsStopped(long position, ProjectionStatus.Failure failure) {
        return new ErrorResponse(VIEWS_STOPPED, VIEWS_STOPPED + ": The command is stored at position " + position
                + ", but the account views stopped at the event at position " + failure.position() + ": "
                + failure.message() + "; until an operator lets them go on (docs/guide/sample.md, operators), the"
                + " bank shows no account", null, null, null);
    }

    static ErrorResponse notAnOperator(boolean tokenConfigured) {
        return new ErrorResponse(NOT_AN_OPERATOR, NOT_AN_OPERATOR + ": " + (tokenConfigured
                ? "Operator actions need the header " + OperatorResource.TOKEN_HEADER + " with the bank's operator token"
                : "Operator actions are off: the bank has no operator token (bank.operator-token)"), null, null, null);
    }

    /** One violated constraint: the property path (empty for the whole command) and the message. */
    @JsonbPropertyOrder({"path", "message"})
    public record Violation(String path, String message) {
    }
}
