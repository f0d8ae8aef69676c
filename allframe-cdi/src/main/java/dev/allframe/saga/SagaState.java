package dev.allframe.saga;

/** Where a saga is. */
public enum SagaState {
    /** Its steps are executing. */
    RUNNING,
    /** A step failed; the saga is undoing the steps that may have had an effect. */
    COMPENSATING,
    /** Every step succeeded. */
    COMPLETED,
    /** A step failed and every compensation succeeded. */
    COMPENSATED,
    /** A step failed and at least one compensation failed too. */
    FAILED_COMPENSATION;

    /** Whether the saga still has work to do: running or compensating. */
    public boolean unfinished() {
        return this == RUNNING || this == COMPENSATING;
    }
}
