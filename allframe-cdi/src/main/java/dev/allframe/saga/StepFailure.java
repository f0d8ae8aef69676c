package dev.allframe.saga;

import static java.util.Objects.requireNonNull;

/**
 * A step's execution or compensation that failed.
 *
 * @param step     the step's position in the saga, from 1
 * @param message  what went wrong, starting with its id
 * @param cause    the exception, when the failure happened in this process; {@code null} when it was read
 *                 back from the saga store
 */
public record StepFailure(int step, String stepName, String message, Throwable cause) {

    public StepFailure {
        requireNonNull(stepName, "stepName");
        requireNonNull(message, "message");
    }
}
