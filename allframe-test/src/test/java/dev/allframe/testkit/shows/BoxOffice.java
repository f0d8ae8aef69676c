package dev.allframe.testkit.shows;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;

/** A flaky outside service the application retries with MicroProfile Fault Tolerance. */
@ApplicationScoped
public class BoxOffice {

    private final AtomicInteger calls = new AtomicInteger();

    @Retry(maxRetries = 2, delay = 0)
    public String ticket() {
        if (calls.incrementAndGet() < 3) {
            throw new IllegalStateException("box office busy");
        }
        return "ticket after " + calls.get() + " calls";
    }
}
