package dev.allframe.test.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The saga steps a test made fail or hang, by step class: a failing step throws the test's exception from
 * {@code execute}; a hanging one blocks its thread, as a call that never returns, until the step's timeout
 * interrupts it (or AllFrame stops).
 */
public final class StepDoubles {

    private final Map<Class<?>, RuntimeException> failing = new ConcurrentHashMap<>();
    private final Set<Class<?>> hanging = ConcurrentHashMap.newKeySet();
    private final Set<Hang> hangs = ConcurrentHashMap.newKeySet();
    private final Object entered = new Object();

    public void fail(Class<?> step, RuntimeException failure) {
        hanging.remove(step);
        failing.put(step, failure);
    }

    public void hang(Class<?> step) {
        failing.remove(step);
        hanging.add(step);
    }

    /**
     * Whether a step hangs now and nothing has interrupted it yet. The hanging thread keeps its interrupt flag set
     * until it has left the hang, so that a hang counts as ended from the moment it is interrupted.
     */
    public boolean anyHanging() {
        return hangs.stream().anyMatch(Hang::hanging);
    }

    /** Waits (for up to {@code millis}) until a step hangs; whether one does. */
    public boolean awaitHanging(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (entered) {
            while (!anyHanging()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                entered.wait(left);
            }
            return true;
        }
    }

    /** What {@code execute} of {@code step} does: the double's behaviour, or the step's own. */
    Object execute(Class<?> step, Proceed proceed) throws Exception {
        RuntimeException failure = failing.get(step);
        if (failure != null) {
            throw failure;
        }
        if (hanging.contains(step)) {
            hang(step.getName());
        }
        return proceed.proceed();
    }

    private void hang(String step) throws InterruptedException {
        Hang hang = new Hang(Thread.currentThread());
        hangs.add(hang);
        synchronized (entered) {
            entered.notifyAll();
        }
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.park(this);
        }
        hang.left = true;
        hangs.remove(hang);
        Thread.interrupted();
        throw new InterruptedException("the step " + step + " hung until it was interrupted");
    }

    private static final class Hang {

        private final Thread thread;
        private volatile boolean left;

        Hang(Thread thread) {
            this.thread = thread;
        }

        boolean hanging() {
            return !left && !thread.isInterrupted();
        }
    }

    @FunctionalInterface
    interface Proceed {

        Object proceed() throws Exception;
    }
}
