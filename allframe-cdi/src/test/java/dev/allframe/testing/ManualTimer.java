package dev.allframe.testing;

import dev.allframe.core.work.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A timer that the test moves, with the clock it keeps: tasks run on the thread that calls {@link #advance}, in
 * the order they fall due, each with the clock at its time. Nothing waits for real time.
 */
public final class ManualTimer implements Timer {

    private final MutableClock clock;
    private final PriorityQueue<Entry> due = new PriorityQueue<>();
    private long sequence;

    public ManualTimer(MutableClock clock) {
        this.clock = clock;
    }

    public ManualTimer() {
        this(new MutableClock());
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(clock.instant().plus(delay), sequence++, task);
        due.add(entry);
        return () -> {
            synchronized (this) {
                due.remove(entry);
            }
        };
    }

    /** Moves the clock by {@code duration}, running every task that falls due meanwhile. */
    public void advance(Duration duration) {
        Instant until = clock.instant().plus(duration);
        while (true) {
            Entry next;
            synchronized (this) {
                next = due.peek();
                if (next == null || next.at().isAfter(until)) {
                    break;
                }
                due.poll();
            }
            if (next.at().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at()));
            }
            next.task().run();
        }
        if (until.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), until));
        }
    }

    /** The delays of the tasks waiting now, from the clock's present, soonest first. */
    public synchronized List<Duration> pending() {
        List<Duration> delays = new ArrayList<>();
        due.stream().sorted().forEach(entry -> delays.add(Duration.between(clock.instant(), entry.at())));
        return delays;
    }

    private record Entry(Instant at, long sequence, Runnable task) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
