package dev.allframe.core.work;

/**
 * The kinds of work AllFrame does on threads of its own. Where AllFrame owns the threads, each lane has a bounded
 * pool, so that one kind of work cannot take the threads another needs: a saga waits for its step, so sagas and
 * steps never share a pool.
 */
public enum Lane {

    /** {@code CommandBus.dispatchAsync}. */
    DISPATCH,
    /** Async projections' batches and inline projections' rebuilds. */
    PROJECTIONS,
    /** Sagas: each run waits for its steps. */
    SAGAS,
    /** Saga steps' executions and compensations. */
    STEPS,
    /** Retention: removing old idempotency keys, closed scopes and finished sagas, a batch at a time. */
    RETENTION,
    /** Listening for what other processes sharing the store commit: one task waiting on the database. */
    LISTENING,
    /** Telling the other processes sharing the store of this one's commits: short tasks, one at a time. */
    NOTIFYING
}
