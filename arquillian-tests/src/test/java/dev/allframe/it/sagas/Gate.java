package dev.allframe.it.sagas;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Where the slow steps wait: closed by a test, opened at its end; never more than a minute. */
@ApplicationScoped
public class Gate {

    private volatile CountDownLatch latch = new CountDownLatch(0);

    public void close() {
        latch = new CountDownLatch(1);
    }

    public void open() {
        latch.countDown();
    }

    /** Waits until the gate opens, ignoring interrupts, for at most a minute. */
    public void passIgnoringInterrupts() {
        CountDownLatch current = latch;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (current.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                current.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ignored) {
                // this step does not stop when interrupted
            }
        }
    }
}
