package dev.allframe.core.work;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Workers whose timer and clock are given rather than real: a test's, which it advances, so that timeouts,
 * back-off, polling and leases happen when the test says. The executors are the delegate's; closing closes it.
 */
public final class GivenTime implements Workers {

    private final Workers delegate;
    private final Timer timer;
    private final Clock clock;

    public GivenTime(Workers delegate, Timer timer, Clock clock) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.timer = requireNonNull(timer, "timer");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Executor executor(Lane lane) {
        return delegate.executor(lane);
    }

    @Override
    public Timer timer() {
        return timer;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
