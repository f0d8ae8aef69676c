package dev.allframe.cdi.features.sagas;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test's steps do, and what they did; used through its client proxy, so only through methods. */
@ApplicationScoped
public class Script {

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger creditAttempts = new AtomicInteger();
    private volatile int creditFailures;
    private volatile boolean debitCompensationFails;
    private volatile boolean creditBlocks;
    private volatile boolean debitBlocks;

    public void record(String entry) {
        journal.add(entry);
    }

    public List<String> journal() {
        return List.copyOf(journal);
    }

    public void release() {
        release.countDown();
    }

    public int nextCreditAttempt() {
        return creditAttempts.incrementAndGet();
    }

    public int creditAttempts() {
        return creditAttempts.get();
    }

    public int creditFailures() {
        return creditFailures;
    }

    public void failCredit(int times) {
        creditFailures = times;
    }

    public boolean debitCompensationFails() {
        return debitCompensationFails;
    }

    public void failDebitCompensation() {
        debitCompensationFails = true;
    }

    public boolean creditBlocks() {
        return creditBlocks;
    }

    public void blockCredit() {
        creditBlocks = true;
    }

    public boolean debitBlocks() {
        return debitBlocks;
    }

    public void blockDebit() {
        debitBlocks = true;
    }

    /** Blocks until the test releases it, ignoring interrupts, for at most a minute. */
    public void blockIgnoringInterrupts() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (release.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                release.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ignored) {
                // this step does not stop when interrupted
            }
        }
    }
}
