package dev.allframe.test.internal;

import dev.allframe.cdi.Time;
import dev.allframe.test.TestStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the kit keeps for one test besides its container: the steps it made fail or hang and, on manual time, the
 * test's clock and timer.
 */
public final class TestRun {

    private final StepDoubles steps = new StepDoubles();
    private final ManualTime time;
    private final TestStore store;

    TestRun(boolean manualTime, TestStore store) {
        this.time = manualTime ? new ManualTime(Instant.now().truncatedTo(ChronoUnit.SECONDS)) : null;
        this.store = store;
    }

    public TestStore store() {
        return store;
    }

    public StepDoubles steps() {
        return steps;
    }

    /** The test's time, or {@code null} on the system's. */
    public ManualTime time() {
        return time;
    }

    /** The time AllFrame's extension runs on, or {@code null} for the system's. */
    Time allFrameTime() {
        return time == null ? null : new Time(time, time);
    }

    /**
     * On manual time, while a step hangs, moves the clock to the timer's next task and runs it: the step's timeout
     * comes at its time, and the timers due before it at theirs. Whether it did.
     */
    public boolean advanceWhileHanging() {
        return time != null && steps.anyHanging() && time.advanceToNextTask();
    }
}
