package dev.allframe.sample.bank.rest;

import dev.allframe.command.CommandRejectedException;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.StepFailure;
import dev.allframe.sample.bank.Transfer;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/**
 * How a transfer's saga ended, as an answer: completed, 200 with the transfer; undone, 409 with the reason (the
 * bank's refusal, such as insufficient funds or no such account, else the step's failure); not fully undone,
 * 500 with the compensations that failed.
 */
final class TransferOutcomes {

    private TransferOutcomes() {
    }

    static Response response(Transfer transfer, SagaOutcome outcome) {
        TransferView view = TransferView.of(transfer, outcome);
        if (outcome instanceof SagaOutcome.Completed) {
            return json(Response.Status.OK, view);
        }
        if (outcome instanceof SagaOutcome.Compensated compensated) {
            return json(Response.Status.CONFLICT, ErrorResponse.transferUndone(view, reason(compensated.failure())));
        }
        SagaOutcome.FailedCompensation failed = (SagaOutcome.FailedCompensation) outcome;
        String failures = failed.compensationFailures().stream().map(StepFailure::message)
                .collect(Collectors.joining("; "));
        return json(Response.Status.INTERNAL_SERVER_ERROR, ErrorResponse.transferNotUndone(view,
                reason(failed.failure()), failures));
    }

    private static String reason(StepFailure failure) {
        return failure.cause() instanceof CommandRejectedException rejected ? rejected.reason() : failure.message();
    }

    private static Response json(Response.Status status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
