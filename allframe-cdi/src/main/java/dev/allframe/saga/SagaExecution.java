package dev.allframe.saga;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * A saga started asynchronously: its id at once, its outcome when it ends.
 */
public record SagaExecution(UUID sagaId, CompletionStage<SagaOutcome> outcome) {

    public SagaExecution {
        requireNonNull(sagaId, "sagaId");
        requireNonNull(outcome, "outcome");
    }
}
