package dev.allframe.testing;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** An executor that keeps its tasks until the test runs them, on its own thread, in the order they came. */
public final class QueuedExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the queued tasks, and those they queue, until none is left; how many ran. */
    public int runAll() {
        int ran = 0;
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
            ran++;
        }
        return ran;
    }

    /** Runs the task that came first; whether there was one. */
    public boolean runOne() {
        Runnable task = tasks.poll();
        if (task != null) {
            task.run();
        }
        return task != null;
    }

    /** How many tasks wait. */
    public int queued() {
        return tasks.size();
    }
}
