package dev.allframe.jpa.internal;

import dev.allframe.spi.saga.SagaRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A saga: where it is, its input and its steps' outputs as JSON, and who runs it until when; the trace it started in.
 * Its fields change only through its own methods: a provider that enhances entities (Quarkus's Hibernate ORM) sees
 * a change only there, and would not store one made to the field from another class.
 */
@Entity(name = "AllFrameSaga")
@Table(name = "allframe_sagas")
public class SagaRow {

    @Id
    @Column(name = "saga_id", length = 36)
    private String sagaId;

    @Column(name = "saga_name", nullable = false, length = 200)
    private String sagaName;

    @Column(name = "saga_state", nullable = false, length = 30)
    private String state;

    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @Column(name = "step_count", nullable = false)
    private int stepCount;

    @Column(name = "input_type", nullable = false, length = 300)
    private String inputType;

    @Column(name = "input_json", nullable = false)
    private String input;

    @Column(name = "outputs_json", nullable = false)
    private String outputs;

    @Column(name = "failed_step", nullable = false)
    private int failedStep;

    @Column(name = "failure_message")
    private String failure;

    @Column(name = "owner_id", nullable = false, length = 36)
    private String owner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "trace_parent", length = 100)
    private String traceParent;

    protected SagaRow() {
    }

    SagaRow(String sagaId) {
        this.sagaId = sagaId;
    }

    /** Takes what {@code saga} says, with its input, outputs and trace context as they are stored. */
    void write(SagaRecord saga, String inputJson, String outputsJson, String storedTraceParent) {
        sagaName = saga.saga();
        state = saga.state().name();
        currentStep = saga.currentStep();
        stepCount = saga.steps();
        inputType = saga.input().getClass().getName();
        input = inputJson;
        outputs = outputsJson;
        failedStep = saga.failedStep();
        failure = saga.failure();
        owner = saga.owner();
        startedAt = saga.started();
        updatedAt = saga.updated();
        traceParent = storedTraceParent;
    }

    void leaseUntil(Instant until) {
        leaseUntil = until;
    }

    /** Makes {@code newOwner} the saga's owner until {@code until}, as of {@code now}. */
    void claim(String newOwner, Instant until, Instant now) {
        owner = newOwner;
        leaseUntil = until;
        updatedAt = now;
    }

    String sagaId() {
        return sagaId;
    }

    String sagaName() {
        return sagaName;
    }

    String state() {
        return state;
    }

    int currentStep() {
        return currentStep;
    }

    int stepCount() {
        return stepCount;
    }

    String inputType() {
        return inputType;
    }

    String input() {
        return input;
    }

    String outputs() {
        return outputs;
    }

    int failedStep() {
        return failedStep;
    }

    String failure() {
        return failure;
    }

    String owner() {
        return owner;
    }

    Instant leaseUntil() {
        return leaseUntil;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String traceParent() {
        return traceParent;
    }
}
