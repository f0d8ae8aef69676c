package dev.allframe.core.saga;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.spi.saga.SagaRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The context of one execution or compensation of a step. */
record StepContext(SagaRecord record, SagaStepModel model, SagaLogEntry.Action action) implements SagaContext<Object> {

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
        return key(action);
    }

    @Override
    public String executionIdempotencyKey() {
        return key(SagaLogEntry.Action.EXECUTE);
    }

    private String key(SagaLogEntry.Action of) {
        return record.id() + ":" + model.position() + ":" + of.name().toLowerCase(Locale.ROOT);
    }
}
