package dev.allframe.sample.bank.rest;

import dev.allframe.saga.SagaOutcome;
import dev.allframe.sample.bank.Transfer;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** A transfer as clients see it: the saga's id, what was to move, and how the saga ended. */
@JsonbPropertyOrder({"id", "from", "to", "amount", "outcome"})
public record TransferView(String id, String from, String to, BigDecimal amount, String outcome) {

    static TransferView of(Transfer transfer, SagaOutcome outcome) {
        return new TransferView(outcome.sagaId().toString(), transfer.from(), transfer.to(), transfer.amount(),
                outcome.state().name());
    }
}
