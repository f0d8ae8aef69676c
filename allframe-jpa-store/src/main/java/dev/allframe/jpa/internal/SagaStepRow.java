package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One entry of a saga's history: an execution or compensation of a step. */
@Entity(name = "AllFrameSagaStep")
@Table(name = "allframe_saga_steps")
@IdClass(SagaStepRow.Key.class)
public class SagaStepRow {

    @Id
    @Column(name = "saga_id", length = 36)
    String sagaId;

    @Id
    @Column(name = "entry_number")
    int number;

    @Column(name = "step", nullable = false)
    int step;

    @Column(name = "step_name", nullable = false, length = 200)
    String stepName;

    @Column(name = "step_action", nullable = false, length = 20)
    String action;

    @Column(name = "step_result", nullable = false, length = 20)
    String result;

    @Column(name = "error_message")
    String error;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    protected SagaStepRow() {
    }

    SagaStepRow(String sagaId, int number) {
        this.sagaId = sagaId;
        this.number = number;
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
