package dev.allframe.core.work;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Every thread AllFrame uses, and how it waits: an executor per {@link Lane}, one timer and one clock. Closing it
 * stops what it started: its own threads, and the timer's pending tasks.
 */
public interface Workers extends AutoCloseable {

    Executor executor(Lane lane);

    Timer timer();

    Clock clock();

    @Override
    void close();
}
