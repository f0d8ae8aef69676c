package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saga: where it is, its input and its steps' outputs as JSON, and who runs it until when; the trace it
 * started in. */
@Entity(name = "AllFrameSaga")
@Table(name = "allframe_sagas")
public class SagaRow {

    @Id
    @Column(name = "saga_id", length = 36)
    String sagaId;

    @Column(name = "saga_name", nullable = false, length = 200)
    String sagaName;

    @Column(name = "saga_state", nullable = false, length = 30)
    String state;

    @Column(name = "current_step", nullable = false)
    int currentStep;

    @Column(name = "step_count", nullable = false)
    int stepCount;

    @Column(name = "input_type", nullable = false, length = 300)
    String inputType;

    @Column(name = "input_json", nullable = false)
    String input;

    @Column(name = "outputs_json", nullable = false)
    String outputs;

    @Column(name = "failed_step", nullable = false)
    int failedStep;

    @Column(name = "failure_message")
    String failure;

    @Column(name = "owner_id", nullable = false, length = 36)
    String owner;

    @Column(name = "lease_until")
    Instant leaseUntil;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "trace_parent", length = 100)
    String traceParent;

    protected SagaRow() {
    }

    SagaRow(String sagaId) {
        this.sagaId = sagaId;
    }
}
