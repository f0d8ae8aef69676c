package dev.allframe.saga;

import java.time.Instant;

/**
 * One execution or compensation of a step, in a saga's history.
 *
 * @param number   the entry's place in the history, from 1
 * @param step     the step's position in the saga, from 1
 * @param error    why it failed, {@code null} unless {@link Result#FAILED} or {@link Result#INTERRUPTED}
 * @param finished {@code null} while {@link Result#STARTED}
 */
public record SagaLogEntry(int number, int step, String stepName, Action action, Result result, String error,
                           Instant started, Instant finished) {

    public enum Action {
        EXECUTE, COMPENSATE
    }

    public enum Result {
        /** Running, or the process running it stopped and no one has looked at the saga since. */
        STARTED,
        SUCCEEDED,
        FAILED,
        /** The process running it stopped; the saga was recovered by another. */
        INTERRUPTED
    }

    /** This entry finished with {@code result}. */
    public SagaLogEntry finish(Result newResult, String newError, Instant at) {
        return new SagaLogEntry(number, step, stepName, action, newResult, newError, started, at);
    }
}
