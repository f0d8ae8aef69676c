package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.EventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A test read model recording what it was given, failing on demand. */
public class Ledger {

    /** Events of the test log. */
    public sealed interface Entry permits Credit, Debit {
    }

    public record Credit(String account, int amount) implements Entry {
    }

    public record Debit(String account, int amount) implements Entry {
    }

    public record Note(String text) {
    }

    final List<String> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    volatile String failOn;
    volatile String errorOn;
    volatile CountDownLatch gate;
    volatile Hold hold;

    /** Holds the handler at the first event whose text contains {@code at}: it says so, then waits for release. */
    public record Hold(String at, CountDownLatch reached, CountDownLatch release) {

        public static Hold at(String at) {
            return new Hold(at, new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    @EventHandler
    void on(Entry entry, EventEnvelope envelope) throws InterruptedException {
        CountDownLatch waitFor = gate;
        if (waitFor != null) {
            waitFor.await();
        }
        calls.incrementAndGet();
        String text = entry + "@" + envelope.globalPosition();
        Hold holding = hold;
        if (holding != null && text.contains(holding.at())) {
            holding.reached().countDown();
            holding.release().await();
        }
        if (failOn != null && text.contains(failOn)) {
            throw new IllegalStateException("cannot book " + entry);
        }
        if (errorOn != null && text.contains(errorOn)) {
            throw new LinkageError("cannot link " + entry);
        }
        seen.add(text);
    }

    void reset() {
        resets.incrementAndGet();
        seen.clear();
    }
}
