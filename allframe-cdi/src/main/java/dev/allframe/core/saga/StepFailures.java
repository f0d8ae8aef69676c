package dev.allframe.core.saga;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a step threw, out of the wrappers that futures put around it. */
final class StepFailures {

    private StepFailures() {
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
