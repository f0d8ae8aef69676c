package dev.allframe.spi.saga;

import static java.util.Objects.requireNonNull;

import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A saga as a {@link SagaStore} keeps it. A store that writes to a database keeps the input and the
 * outputs as JSON with their class names.
 *
 * @param currentStep the last step that started executing or compensating (0: none yet)
 * @param outputs     each step's output, by step name
 * @param failedStep  0 while no step failed
 * @param owner       the process running the saga
 * @param leaseUntil  until when, on the store's clock, the owner is taken to be alive; after that another process
 *                    may take the saga over and compensate it. Read from the store: a save does not change it
 * @param traceParent the W3C {@code traceparent} of the trace the saga started in, which a process taking it over
 *                    links its own trace to; {@code null} when it was started untraced
 */
public record SagaRecord(UUID id, String saga, SagaState state, int currentStep, int steps, Object input,
                         Map<String, Object> outputs, int failedStep, String failure, String owner,
                         Instant leaseUntil, Instant started, Instant updated, String traceParent) {

    public SagaRecord {
        requireNonNull(id, "id");
        requireNonNull(saga, "saga");
        requireNonNull(state, "state");
        requireNonNull(input, "input");
        outputs = Map.copyOf(outputs);
        requireNonNull(owner, "owner");
        requireNonNull(started, "started");
        requireNonNull(updated, "updated");
    }

    /** A saga started untraced. */
    public SagaRecord(UUID id, String saga, SagaState state, int currentStep, int steps, Object input,
                      Map<String, Object> outputs, int failedStep, String failure, String owner, Instant leaseUntil,
                      Instant started, Instant updated) {
        this(id, saga, state, currentStep, steps, input, outputs, failedStep, failure, owner, leaseUntil, started,
                updated, null);
    }

    public SagaRecord at(SagaState newState, int step, Instant now) {
        return new SagaRecord(id, saga, newState, step, steps, input, outputs, failedStep, failure, owner,
                leaseUntil, started, now, traceParent);
    }

    public SagaRecord withOutput(String stepName, Object output, Instant now) {
        Map<String, Object> more = new LinkedHashMap<>(outputs);
        more.put(stepName, output);
        return new SagaRecord(id, saga, state, currentStep, steps, input, more, failedStep, failure, owner,
                leaseUntil, started, now, traceParent);
    }

    public SagaRecord failedAt(int step, String message, Instant now) {
        return new SagaRecord(id, saga, SagaState.COMPENSATING, step, steps, input, outputs, step, message, owner,
                leaseUntil, started, now, traceParent);
    }

    public SagaRecord ownedBy(String newOwner, Instant until, Instant now) {
        return new SagaRecord(id, saga, state, currentStep, steps, input, outputs, failedStep, failure, newOwner,
                until, started, now, traceParent);
    }

    public SagaStatus status() {
        return new SagaStatus(id, saga, state, currentStep, steps, failedStep, failure, started, updated);
    }
}
