package dev.allframe.sample.bank;

import dev.allframe.saga.SagaContext;
import dev.allframe.spi.event.IdempotencyKeys;

/** What a transfer step's execution left behind, as its compensation needs to know. */
final class StepEffects {

    private StepEffects() {
    }

    /**
     * Whether the step's execution stored its command's events: it dispatched the command with the
     * execution's idempotency key, which the store keeps with them. A step whose command was refused has nothing
     * to undo.
     */
    static boolean stored(SagaContext<?> compensation, IdempotencyKeys events) {
        return events.findByIdempotencyKey(compensation.executionIdempotencyKey()).isPresent();
    }
}
