package dev.allframe.jpa.internal;

import dev.allframe.saga.SagaLogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a saga's history: an execution or compensation of a step. Its fields change only through its own
 * methods, as {@link SagaRow}'s do.
 */
@Entity(name = "AllFrameSagaStep")
@Table(name = "allframe_saga_steps")
@IdClass(SagaStepRow.Key.class)
public class SagaStepRow {

    @Id
    @Column(name = "saga_id", length = 36)
    private String sagaId;

    @Id
    @Column(name = "entry_number")
    private int number;

    @Column(name = "step", nullable = false)
    private int step;

    @Column(name = "step_name", nullable = false, length = 200)
    private String stepName;

    @Column(name = "step_action", nullable = false, length = 20)
    private String action;

    @Column(name = "step_result", nullable = false, length = 20)
    private String result;

    @Column(name = "error_message")
    private String error;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected SagaStepRow() {
    }

    SagaStepRow(String sagaId, int number) {
        this.sagaId = sagaId;
        this.number = number;
    }

    /** Takes what {@code entry} says (its number is the row's). */
    void write(SagaLogEntry entry) {
        step = entry.step();
        stepName = entry.stepName();
        action = entry.action().name();
        result = entry.result().name();
        error = entry.error();
        startedAt = entry.started();
        finishedAt = entry.finished();
    }

    SagaLogEntry entry() {
        return new SagaLogEntry(number, step, stepName, SagaLogEntry.Action.valueOf(action),
                SagaLogEntry.Result.valueOf(result), error, startedAt, finishedAt);
    }

    /** The key: the saga and the entry's number in its history. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String sagaId;
        int number;

        public Key() {
        }

        Key(String sagaId, int number) {
            this.sagaId = sagaId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.number == number && Objects.equals(key.sagaId, sagaId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sagaId, number);
        }
    }
}
