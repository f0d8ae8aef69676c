package dev.allframe.sample.bank.rest;

import static java.util.Objects.requireNonNull;

import dev.allframe.command.CommandValidationException;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.sample.bank.Transfer;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Transfers between accounts over HTTP: each one is a run of the {@link Transfer#SAGA} saga (debit the source,
 * credit the target), answered once the saga has ended and the account views include what it did. A completed
 * transfer is 200; one the saga undid is 409 with the reason (see {@link TransferOutcomes}).
 */
@Path("transfers")
@Dependent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransferResource {

    private final SagaOrchestrator sagas;
    private final EventStore events;
    private final Validator validator;
    private final ReadYourWrites views;

    /**
     * For the REST runtime only, which creates the resource through CDI (with the other constructor): some (WildFly's)
     * look for a public constructor they could call themselves first, and refuse a resource without one.
     */
    public TransferResource() {
        this.sagas = null;
        this.events = null;
        this.validator = null;
        this.views = null;
    }

    @Inject
    public TransferResource(SagaOrchestrator sagas, EventStore events, Validator validator, ReadYourWrites views) {
        this.sagas = requireNonNull(sagas, "sagas");
        this.events = requireNonNull(events, "events");
        this.validator = requireNonNull(validator, "validator");
        this.views = requireNonNull(views, "views");
    }

    @POST
    public Response transfer(TransferRequest body) {
        TransferRequest request = Objects.requireNonNullElse(body, new TransferRequest(null, null, null));
        Transfer transfer = valid(new Transfer(request.from(), request.to(), request.amount()));
        SagaOutcome outcome = sagas.start(Transfer.SAGA, transfer);
        views.await(events.headPosition());
        return TransferOutcomes.response(transfer, outcome);
    }

    /** The transfer, when it satisfies its constraints; else the same error as an invalid command. */
    private Transfer valid(Transfer transfer) {
        Set<ConstraintViolation<Transfer>> violations = validator.validate(transfer);
        if (!violations.isEmpty()) {
            List<CommandValidationException.Violation> listed = violations.stream()
                    .map(v -> new CommandValidationException.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(CommandValidationException.Violation::path)
                            .thenComparing(CommandValidationException.Violation::message))
                    .toList();
            throw new CommandValidationException(Transfer.class.getName(), listed);
        }
        return transfer;
    }
}
