package dev.allframe.test;

import dev.allframe.test.internal.HandledCommands;
import dev.allframe.test.internal.ManualTime;
import dev.allframe.test.internal.StepDoubles;
import dev.allframe.cdi.Time;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the kit keeps for one test besides its container: the steps it made fail or hang and, on manual time, the
 * test's clock and timer.
 */
final class TestRun {

    private final StepDoubles steps = new StepDoubles();
    private final HandledCommands commands = new HandledCommands();
    private final ManualTime time;
    private final TestStore store;

    TestRun(boolean manualTime, TestStore store) {
        this.time = manualTime ? new ManualTime(Instant.now().truncatedTo(ChronoUnit.SECONDS)) : null;
        this.store = store;
    }

    TestStore store() {
        return store;
    }

    StepDoubles steps() {
        return steps;
    }

    HandledCommands commands() {
        return commands;
    }

    /** The test's time, or {@code null} on the system's. */
    ManualTime time() {
        return time;
    }

    /** The time AllFrame's extension runs on, or {@code null} for the system's. */
    Time allFrameTime() {
        return time == null ? null : new Time(time, time);
    }

}
