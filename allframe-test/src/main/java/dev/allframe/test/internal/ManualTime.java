package dev.allframe.test.internal;

import dev.allframe.core.work.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A clock that stands still and a timer whose tasks run only when the test advances the clock past their time, in
 * the order of their times, on the test's thread. Timer tasks are short (they hand longer work to AllFrame's
 * threads); one that fails does not keep the others from running, and its failure reaches the test afterwards.
 */
public final class ManualTime extends Clock implements Timer {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        tasks.add(scheduled);
        return () -> {
            synchronized (this) {
                tasks.remove(scheduled);
            }
        };
    }

    /** Moves the clock on by {@code duration}, running each task whose time comes meanwhile at its time. */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        RuntimeException failed = null;
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due().isAfter(target)) {
                    now = target;
                    break;
                }
                tasks.poll();
                now = next.due();
            }
            try {
                next.task().run();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Moves the clock to the time of the next task and runs it (and any due with it); false when none waits. */
    public boolean advanceToNextTask() {
        Instant due;
        synchronized (this) {
            Task next = tasks.peek();
            if (next == null) {
                return false;
            }
            due = next.due();
        }
        advance(Duration.between(instant(), due));
        return true;
    }

    private record Task(Instant due, long sequence, Runnable task) implements Comparable<Task> {

        @Override
        public int compareTo(Task other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
