package dev.allframe.cdi;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.work.Timer;
import java.time.Clock;

/**
 * The time AllFrame runs on when a tool gives it one instead of the system's (the test kit): the clock of the store
 * and of every component, and the timer of every timeout, back-off, poll and lease.
 */
public record Time(Clock clock, Timer timer) {

    public Time {
        requireNonNull(clock, "clock");
        requireNonNull(timer, "timer");
    }
}
