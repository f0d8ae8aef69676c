package dev.allframe.jpa.internal;

import dev.allframe.EventStoreException;
import dev.allframe.spi.StoreMetrics;
import dev.allframe.spi.event.AppendResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends that run alone on PostgreSQL, sharing commits between the threads of this process: rather than each
 * waiting for its own durable commit, a thread that gets to append takes every append waiting behind it and writes
 * them in one transaction with one commit: one round trip for all their statements ({@link PostgresBatch}) and one
 * for the commit. Each append in it is checked as on its own, against what is committed and what the appends before
 * it in the batch stored: a refused condition (the stream's version, or a query condition) inserts nothing, neither
 * events nor tags, leaves its positions unused and fails only that append; one that only has to take new positions
 * is made again on its own after the commit. One append alone goes in autocommit mode, one round trip with its
 * commit.
 * <p>
 * An append comes here prepared ({@link PreparedAppend}): its ids checked against what the tables keep, its JSON
 * written and its events upcast, so that what the application got wrong fails that append alone, before it waits,
 * and never rolls back the others. If the shared transaction fails before its commit all the same (an error only
 * the database finds in one append, such as an event id stored before, aborts it for all), it rolled
 * back: each of its appends is then tried again on its own, so that only the faulty one fails. If the commit
 * itself fails, the outcome is unknown to the database's client, and every append of the batch that was not
 * refused fails with that error, as a single append's would.
 * <p>
 * An append with a query condition waits, once it took its positions, for the appends holding lower ones to end
 * ({@link PostgresStatements}). A transaction that waits so while it already holds positions can close a circle: an
 * append of another server took positions between, and waits for the lower ones this transaction holds. So a batch
 * holds at most one append with a query condition, and begins with it: it waits before the batch holds any other
 * positions, and the appends after it wait for none. Further appends with a query condition wait for the next batch.
 * <p>
 * A process has several, one per lane of streams ({@link Appender#lane}), writing side by side.
 */
final class GroupCommit {

    /** The most appends one transaction takes; more wait for the next. */
    static final int MAX_BATCH = 64;

    private final AutocommitConnections connections;
    private volatile StoreMetrics metrics = StoreMetrics.NONE;
    private final PostgresAppender postgres;
    private final PostgresBatch together;
    private final ReentrantLock appending = new ReentrantLock();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Appends with a query condition a batch left to the next ones, in order; used under {@link #appending}. */
    private final Deque<Pending> deferred = new ArrayDeque<>();

    /**
     * @param postgres appends one request alone
     * @param together appends up to {@link #MAX_BATCH} requests in one round trip
     */
    GroupCommit(AutocommitConnections connections, PostgresAppender postgres, PostgresBatch together) {
        this.connections = connections;
        this.postgres = postgres;
        this.together = together;
    }

    /** Appends {@code prepared} alone or with the appends waiting beside it; throws what its append threw. */
    AppendResult append(PreparedAppend prepared) {
        Pending mine = new Pending(prepared);
        waiting.add(mine);
        appending.lock();
        try {
            while (!mine.settled()) {
                List<Pending> batch = batch();
                if (batch.isEmpty()) {
                    mine.fail(new EventStoreException(JpaStoreMessages.sharedAppendLost()));
                    break;
                }
                run(batch);
            }
        } finally {
            appending.unlock();
        }
        return mine.result();
    }

    /** Reports each commit, shared or alone, to {@code metrics}. */
    void reportTo(StoreMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The next batch: the appends deferred before, then those waiting, up to {@link #MAX_BATCH}; of those with a query
     * condition only the first, at the batch's start, the others deferred to the next batches.
     */
    private List<Pending> batch() {
        List<Pending> batch = new ArrayList<>();
        List<Pending> later = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && later.size() < MAX_BATCH && (next = next()) != null) {
            if (!next.waits()) {
                batch.add(next);
            } else if (batch.isEmpty() || !batch.get(0).waits()) {
                batch.add(0, next);
            } else {
                later.add(next);
            }
        }
        for (int i = later.size() - 1; i >= 0; i--) {
            deferred.addFirst(later.get(i));
        }
        return batch;
    }

    private Pending next() {
        Pending next = deferred.pollFirst();
        return next != null ? next : waiting.poll();
    }

    /** Settles every append of {@code batch}; an error that stops it settles those it leaves with that error. */
    private void run(List<Pending> batch) {
        try {
            settle(batch);
        } catch (Error e) {
            EventStoreException failure = new EventStoreException(JpaStoreMessages.sharedAppendFailed(e), e);
            batch.stream().filter(pending -> !pending.settled()).forEach(pending -> pending.fail(failure));
            throw e;
        }
    }

    private void settle(List<Pending> batch) {
        if (batch.size() == 1) {
            alone(batch.get(0));
            return;
        }
        Shared shared = new Shared();
        try {
            connections.autocommit(connection -> {
                inOneTransaction(connection, batch, shared);
                return null;
            });
            shared.again.forEach(this::alone);
        } catch (RuntimeException failed) {
            if (shared.committing) {
                batch.stream().filter(pending -> !pending.settled()).forEach(pending -> pending.fail(failed));
            } else {
                batch.forEach(pending -> alone(pending.reset()));
            }
        }
    }

    private void alone(Pending pending) {
        try {
            AppendResult appended = connections.autocommit(connection -> postgres.appendAlone(connection,
                    pending.append));
            pending.succeed(appended);
            metrics.committedTogether(1, appended.events().size());
        } catch (RuntimeException e) {
            pending.fail(e);
        }
    }

    private void inOneTransaction(Connection connection, List<Pending> batch, Shared shared) throws SQLException {
        connection.setAutoCommit(false);
        try {
            List<PostgresBatch.Outcome> outcomes = together.appendAll(connection,
                    batch.stream().map(p -> p.append).toList());
            List<Pending> appended = new ArrayList<>(batch.size());
            List<Pending> again = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                PostgresBatch.Outcome outcome = outcomes.get(i);
                if (outcome instanceof PostgresBatch.Outcome.Appended done) {
                    pending.stage(done.result());
                    appended.add(pending);
                } else if (outcome instanceof PostgresBatch.Outcome.Refused refused) {
                    pending.fail(refused.conflict());
                } else {
                    again.add(pending);
                }
            }
            shared.committing = true;
            connection.commit();
            appended.forEach(Pending::commit);
            metrics.committedTogether(appended.size(), appended.stream().mapToInt(Pending::events).sum());
            shared.again = again;
        } catch (SQLException | RuntimeException e) {
            if (!shared.committing) {
                rollBack(connection, e);
            }
            throw e;
        } finally {
            restoreAutocommit(connection);
        }
    }

    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A connection that cannot be switched back is broken, and the pool drops it: nothing more to do here. */
    private static void restoreAutocommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException broken) {
            // the pool sees the connection fail and discards it
        }
    }

    /** Whether the shared transaction got as far as its commit. */
    private static final class Shared {
        boolean committing;
        /** The appends of the committed batch to be made again on their own. */
        List<Pending> again = List.of();
    }

    /**
     * One thread's append, settled by whichever thread runs its batch; the appending lock orders the writes
     * before the owner's reads.
     */
    private static final class Pending {

        final PreparedAppend append;
        private AppendResult staged;
        private AppendResult result;
        private RuntimeException failure;

        Pending(PreparedAppend append) {
            this.append = append;
        }

        /** Whether the append waits for the appends holding lower positions: it has a query condition. */
        boolean waits() {
            return append.request().queryCondition() != null;
        }

        boolean settled() {
            return result != null || failure != null;
        }

        void stage(AppendResult appended) {
            staged = appended;
        }

        void commit() {
            result = staged;
        }

        /** How many events the staged append holds. */
        int events() {
            return staged.events().size();
        }

        void succeed(AppendResult appended) {
            result = appended;
        }

        void fail(RuntimeException e) {
            failure = e;
        }

        Pending reset() {
            staged = null;
            result = null;
            failure = null;
            return this;
        }

        AppendResult result() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
