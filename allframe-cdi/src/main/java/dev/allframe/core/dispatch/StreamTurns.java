package dev.allframe.core.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stateful commands on one stream take turns within a server (commands decided over queries, on each of their
 * decision models' queries): each folds the state after the one before it has
 * appended, instead of all folding the same version and all but one meeting a concurrency conflict. Turns are a
 * courtesy, not the guarantee: the append still expects the version that was folded, so commands on other servers,
 * and commands whose events wait for a caller's transaction to commit, are caught by the store as before. A command
 * waits at most {@code maxWait} for its turn and then goes ahead without one, so that a turn can never join a wait on
 * the database into a deadlock (a caller's transaction holding the store's lock while it waits for a turn whose holder
 * waits for that lock). A zero wait turns them off.
 */
final class StreamTurns {

    private final long maxWaitNanos;
    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();

    StreamTurns(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Waits for the stream's turn; the returned turn is to be {@linkplain Turn#close() closed} after the append. It
     * holds nothing when the wait ran out, turns are off, or the thread was interrupted (which stays set).
     */
    Turn take(String streamId) {
        if (maxWaitNanos == 0 || streamId == null) {
            return Turn.NONE;
        }
        Turn turn = turns.compute(streamId, (id, current) -> (current == null ? new Turn(this, id) : current).join());
        try {
            if (turn.lock.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                return turn;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leave(turn);
        return Turn.NONE;
    }

    /**
     * Waits for the turns of every one of {@code keys}, one after the other in their sorted order (so that two
     * commands needing some of the same turns cannot wait for each other), each as {@link #take} does; the returned
     * turns are closed together, the last taken first.
     */
    Held takeAll(Collection<String> keys) {
        if (maxWaitNanos == 0 || keys.isEmpty()) {
            return Turn.NONE;
        }
        List<Turn> held = new ArrayList<>(keys.size());
        for (String key : new TreeSet<>(keys)) {
            held.add(take(key));
        }
        return () -> {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).close();
            }
        };
    }

    /** Whether a command waits for the stream's turn. */
    boolean queued(String streamId) {
        Turn turn = turns.get(streamId);
        return turn != null && turn.lock.hasQueuedThreads();
    }

    /** Streams some command currently holds or waits for. */
    int streams() {
        return turns.size();
    }

    private void leave(Turn turn) {
        turns.computeIfPresent(turn.streamId, (id, current) -> current.leave() ? null : current);
    }

    /** Turns a command holds until it has appended. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** One stream's turn; {@link #NONE} holds nothing. */
    static final class Turn implements Held {

        static final Turn NONE = new Turn(null, null);

        private final StreamTurns owner;
        private final String streamId;
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users;

        private Turn(StreamTurns owner, String streamId) {
            this.owner = owner;
            this.streamId = streamId;
        }

        /** Called inside the map's compute for the stream only. */
        private Turn join() {
            users++;
            return this;
        }

        /** Called inside the map's compute for the stream only; whether nobody holds or waits for it any more. */
        private boolean leave() {
            return --users == 0;
        }

        @Override
        public void close() {
            if (owner == null) {
                return;
            }
            lock.unlock();
            owner.leave(this);
        }
    }
}
