package dev.allframe.core.saga;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandOptions;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.spi.saga.SagaRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The context of one execution or compensation of a step.
 *
 * @param executionEvents for a compensation, what the step's execution stored, known once the saga closed its
 *                        scope; {@code null} for an execution
 */
record StepContext(SagaRecord record, SagaStepModel model, SagaLogEntry.Action action,
                   List<EventEnvelope> executionEvents) implements SagaContext<Object> {

    static StepContext execution(SagaRecord record, SagaStepModel model) {
        return new StepContext(record, model, SagaLogEntry.Action.EXECUTE, null);
    }

    static StepContext compensation(SagaRecord record, SagaStepModel model, List<EventEnvelope> executionEvents) {
        return new StepContext(record, model, SagaLogEntry.Action.COMPENSATE, List.copyOf(executionEvents));
    }

    /** The idempotency scope of the step's execution: its idempotency key. */
    static String executionScope(SagaRecord record, SagaStepModel model) {
        return key(record, model, SagaLogEntry.Action.EXECUTE);
    }

    @Override
    public UUID sagaId() {
        return record.id();
    }

    @Override
    public String saga() {
        return record.saga();
    }

    @Override
    public Object input() {
        return record.input();
    }

    @Override
    public int step() {
        return model.position();
    }

    @Override
    public String stepName() {
        return model.name();
    }

    @Override
    public <T> Optional<T> output(String stepName, Class<T> type) {
        Map<String, Object> outputs = record.outputs();
        return Optional.ofNullable(outputs.get(stepName)).map(type::cast);
    }

    /** {@code <saga id>:<step>:execute} or {@code <saga id>:<step>:compensate}. */
    @Override
    public String idempotencyKey() {
        return key(record, model, action);
    }

    @Override
    public List<EventEnvelope> executionEvents() {
        if (executionEvents == null) {
            throw new IllegalStateException(SagaMessages.executionEventsWhileExecuting(record.saga(), record.id(),
                    model.position(), model.name()).toString());
        }
        return executionEvents;
    }

    @Override
    public CommandOptions commandOptions() {
        CommandOptions options = SagaContext.super.commandOptions();
        return action == SagaLogEntry.Action.EXECUTE ? options.idempotencyScope(idempotencyKey()) : options;
    }

    private static String key(SagaRecord record, SagaStepModel model, SagaLogEntry.Action of) {
        return record.id() + ":" + model.position() + ":" + of.name().toLowerCase(Locale.ROOT);
    }
}
