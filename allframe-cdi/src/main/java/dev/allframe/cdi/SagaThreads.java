package dev.allframe.cdi;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where sagas run: the container's default managed executor when it has one (Jakarta Concurrency), else
 * daemon threads owned by AllFrame, as many as sagas run at once (they mostly wait for their steps).
 */
final class SagaThreads implements Executor {

    private final Executor executor;
    private final ExecutorService owned;

    private SagaThreads(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    static SagaThreads create() {
        try {
            Object managed = new InitialContext().lookup(AsyncExecutor.MANAGED_EXECUTOR);
            if (managed instanceof Executor executor) {
                return new SagaThreads(executor, null);
            }
        } catch (NamingException | RuntimeException e) {
            // no managed executor in this environment: use threads of our own
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "allframe-saga-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newCachedThreadPool(threads);
        return new SagaThreads(pool, pool);
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
