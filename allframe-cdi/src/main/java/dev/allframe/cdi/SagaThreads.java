package dev.allframe.cdi;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Where sagas and their steps run: the container's default managed executor when it has one (Jakarta
 * Concurrency), else daemon threads owned by AllFrame, as many as sagas and steps run at once (they mostly
 * wait). Where the container has a default context service too, every task runs with the application's context
 * as it was when the sagas started, whichever thread hands it over: a lease timer recovering a saga, or the timer
 * that ends a step's attempt and starts the next. A server such as Liberty gives commands dispatched from a
 * step the application's validator and transactions only on such threads.
 */
final class SagaThreads implements Executor {

    static final String CONTEXT_SERVICE = "java:comp/DefaultContextService";

    private final Executor executor;
    private final ExecutorService owned;
    private final Executor applicationContext;
    private final boolean serverWithoutManagedExecutor;

    private SagaThreads(Executor executor, ExecutorService owned, Executor applicationContext,
                        boolean serverWithoutManagedExecutor) {
        this.executor = executor;
        this.owned = owned;
        this.applicationContext = applicationContext;
        this.serverWithoutManagedExecutor = serverWithoutManagedExecutor;
    }

    /** Called when the application starts, on a thread with its context. */
    static SagaThreads create() {
        Object managed;
        boolean naming = true;
        try {
            managed = new InitialContext().lookup(AsyncExecutor.MANAGED_EXECUTOR);
        } catch (NoInitialContextException e) {
            managed = null;
            naming = false;
        } catch (NamingException | RuntimeException e) {
            managed = null;
        }
        if (managed instanceof Executor executor) {
            return new SagaThreads(executor, null, currentContextExecutor(lookup(CONTEXT_SERVICE)), false);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "allframe-saga-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newCachedThreadPool(threads);
        return new SagaThreads(pool, pool, null, naming);
    }

    /**
     * Whether the application runs where there is a naming context (an application server) that has no default
     * managed executor, so that sagas run on AllFrame's own threads, on which such a server may give steps none
     * of the application's context.
     */
    boolean serverWithoutManagedExecutor() {
        return serverWithoutManagedExecutor;
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(applicationContext == null ? command : () -> applicationContext.execute(command));
    }

    void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    private static Object lookup(String name) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code ContextService.currentContextExecutor()} (Jakarta Concurrency 3.0): runs tasks with the context of
     * this moment. Called reflectively, so that AllFrame needs no Concurrency API where there is no container.
     */
    private static Executor currentContextExecutor(Object contextService) {
        if (contextService == null) {
            return null;
        }
        try {
            Method method = contextService.getClass().getMethod("currentContextExecutor");
            return method.invoke(contextService) instanceof Executor executor ? executor : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
