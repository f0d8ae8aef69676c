package dev.allframe.cdi;

import dev.allframe.core.work.GivenTime;
import dev.allframe.core.work.LaneWorkers;
import dev.allframe.core.work.Workers;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Makes AllFrame's workers of what the server offers (Jakarta Concurrency's defaults, looked up by name, so that
 * AllFrame needs no Concurrency API where there is no server): its managed executor for every lane, its managed
 * scheduled executor for the timer, and its context service to run every task with the application's context as it
 * was when the application started, whichever thread hands the task over. A server such as Liberty gives commands
 * dispatched from a projection or a saga step the application's validator and transactions only on such threads.
 * Without them AllFrame uses threads of its own.
 */
final class ServerWorkers {

    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    static final String CONTEXT_SERVICE = "java:comp/DefaultContextService";

    /**
     * @param serverWithoutManagedExecutor there is a server (a naming context), but it has no managed executor:
     *                                     AllFrame's own threads may get none of the application's context there
     */
    record Found(Workers workers, boolean serverWithoutManagedExecutor) {

        /** These workers with {@code time}'s timer and clock, when a tool runs AllFrame on a time of its own. */
        Found on(Time time) {
            return time == null ? this : new Found(new GivenTime(workers, time.timer(), time.clock()),
                    serverWithoutManagedExecutor);
        }
    }

    private ServerWorkers() {
    }

    /**
     * Threads of AllFrame's own, for a container that offers no managed ones and gives any thread what the
     * application's beans need (Quarkus).
     */
    static Found own(Clock clock) {
        return new Found(LaneWorkers.own(clock), false);
    }

    /** Called when the application starts, on a thread with its context. */
    static Found find(Clock clock) {
        InitialContext naming;
        Object managedExecutor;
        try {
            naming = new InitialContext();
            managedExecutor = naming.lookup(MANAGED_EXECUTOR);
        } catch (NoInitialContextException e) {
            return new Found(LaneWorkers.own(clock), false);
        } catch (NamingException | RuntimeException e) {
            return new Found(LaneWorkers.own(clock), true);
        }
        if (!(managedExecutor instanceof Executor managed)) {
            return new Found(LaneWorkers.own(clock), true);
        }
        ScheduledExecutorService scheduler = lookup(naming, MANAGED_SCHEDULER) instanceof ScheduledExecutorService s
                ? s : null;
        return new Found(new LaneWorkers(managed, scheduler, currentContextExecutor(lookup(naming, CONTEXT_SERVICE)),
                clock), false);
    }

    private static Object lookup(InitialContext naming, String name) {
        try {
            return naming.lookup(name);
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code ContextService.currentContextExecutor()} (Jakarta Concurrency 3.0): runs tasks with the context of
     * this moment. Called reflectively, so that AllFrame needs no Concurrency API where there is no server.
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
