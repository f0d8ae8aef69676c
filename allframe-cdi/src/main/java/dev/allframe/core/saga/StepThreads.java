package dev.allframe.core.saga;

import java.util.function.Supplier;

/**
 * Tells a saga whether the execution it waited for ended in the step's own task, on the step's thread, before that
 * task returned: the saga then goes on there, where the step ran (a thread of AllFrame's step lane, the server's
 * managed one where there is one), instead of handing its next step to a saga thread and back. A stage completed
 * later by a thread of the step's own choosing, or failed by its timeout on the timer's thread, is not: the saga goes
 * on on a saga thread then.
 */
final class StepThreads {

    private static final ThreadLocal<Boolean> ENDING = new ThreadLocal<>();

    private StepThreads() {
    }

    /** Whether the code running now runs inside {@link #ending}. */
    static boolean ending() {
        return ENDING.get() != null;
    }

    /** Runs {@code completion} marked as the end of an execution in the step's own task. */
    static <T> T ending(Supplier<T> completion) {
        ENDING.set(Boolean.TRUE);
        try {
            return completion.get();
        } finally {
            ENDING.remove();
        }
    }
}
