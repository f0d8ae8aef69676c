package dev.allframe.cdi;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs {@code dispatchAsync}: on the container's default managed executor when it has one (Jakarta
 * Concurrency), else on a pool of daemon threads owned by AllFrame, one per core.
 */
final class AsyncExecutor implements Executor {

    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final Executor executor;
    private final ExecutorService owned;

    private AsyncExecutor(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    static AsyncExecutor create() {
        try {
            Object managed = new InitialContext().lookup(MANAGED_EXECUTOR);
            if (managed instanceof Executor executor) {
                return new AsyncExecutor(executor, null);
            }
        } catch (NamingException | RuntimeException e) {
            // no managed executor in this environment: use a pool of our own
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "allframe-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        return new AsyncExecutor(pool, pool);
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
