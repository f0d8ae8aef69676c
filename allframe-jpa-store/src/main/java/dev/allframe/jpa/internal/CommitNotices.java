package dev.allframe.jpa.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the servers sharing the database that this process committed events, once they committed: a notice carries
 * the highest position committed so far. One notice is on its way at a time; the commits made meanwhile are told by
 * the next one, which carries the highest of them. Sent from an executor of their own, notices are spaced: after one,
 * the next waits {@link #SPACING}, so that a process appending thousands of times a second sends a few hundred, each
 * of which wakes every other server. A notice not sent is logged (AF2067); the next commit sends a new one, and the
 * other servers find the events at their next poll meanwhile.
 * <p>
 * A notice is sent from a transaction of its own, after the append's commit, not from the append's transaction: a
 * transaction that notifies holds, through its commit, a lock of the database that every notifying transaction
 * takes, so appends that notified committed one after the other, each waiting for the flush of the one before.
 */
public final class CommitNotices {

    private static final Logger LOG = Logger.getLogger(CommitNotices.class.getName());

    /** How long a notice sent from an executor waits after the one before. */
    public static final Duration SPACING = Duration.ofMillis(2);

    /** Sends one notice; runs on one thread at a time. */
    @FunctionalInterface
    public interface Sender {
        void send(long head);
    }

    /** Holds the thread sending notices for a while. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration);

        Pause PARK = duration -> LockSupport.parkNanos(duration.toNanos());
    }

    private final Sender sender;
    private final Pause pause;
    /** Whether notices are sent from an executor, and so spaced. */
    private volatile boolean spaced;
    private final AtomicLong highest = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile Executor executor = Runnable::run;
    /** Whether the store closed: no more notices, and one that fails meanwhile is not reported. */
    private volatile boolean closed;
    /** The highest position told; read and written only by the thread that holds {@link #sending}. */
    private volatile long told;
    /** The heads of the last notices sent, {@link #SENT_KEPT} of them, each written before its notice went. */
    private final long[] sent = new long[SENT_KEPT];
    private int nextSent;
    /** How many of the notices it sent last a store recognises as its own when the database tells them back. */
    static final int SENT_KEPT = 256;

    /** Notices sent in the thread that committed, until {@link #sendOn} is called. */
    public CommitNotices(Sender sender) {
        this(sender, Pause.PARK);
    }

    /** @param pause how the thread sending notices from an executor waits between two */
    public CommitNotices(Sender sender, Pause pause) {
        this.sender = sender;
        this.pause = pause;
    }

    /** Sends the notices from now on as tasks on {@code executor}, spaced, instead of in the thread that committed. */
    public void sendOn(Executor executor) {
        this.executor = executor;
        this.spaced = true;
    }

    /** Sends no more notices: the store closes, and what it sends them with goes. */
    public void close() {
        closed = true;
    }

    /** This process committed events up to {@code position}. */
    public void committed(long position) {
        if (closed) {
            return;
        }
        highest.accumulateAndGet(position, Math::max);
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::sendWhileNew);
        } catch (RejectedExecutionException stopping) {
            sending.set(false);
        }
    }

    /**
     * Whether a notice with {@code head} is one of the last this process sent: the database tells it back to this
     * process's own listener, whose projections heard of those commits as they happened. No other process's append
     * ends at a position of this one's.
     */
    public synchronized boolean sentHere(long head) {
        if (head == 0) {
            return false;
        }
        for (long one : sent) {
            if (one == head) {
                return true;
            }
        }
        return false;
    }

    private synchronized void remember(long head) {
        sent[nextSent] = head;
        nextSent = (nextSent + 1) % SENT_KEPT;
    }

    private void sendWhileNew() {
        do {
            long head = highest.get();
            if (head <= told) {
                sending.set(false);
                return;
            }
            try {
                remember(head);
                sender.send(head);
                told = head;
            } catch (RuntimeException | Error e) {
                sending.set(false);
                if (closed && e instanceof RuntimeException) {
                    return;
                }
                LOG.log(Level.WARNING, e, () -> JpaStoreMessages.appendsNotTold(head, e).toString());
                if (e instanceof Error error) {
                    throw error;
                }
                return;
            }
            if (spaced) {
                pause.pause(SPACING);
            }
            sending.set(false);
        } while (highest.get() > told && sending.compareAndSet(false, true));
    }
}
