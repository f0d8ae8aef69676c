package dev.allframe.test.internal;

import dev.allframe.test.Concurrent;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A command under way on the test's thread: counts its handler's runs and, when the test asked for one, appends
 * the concurrent events before a run, as another writer between the command's read and its append would. The
 * handler beans' interceptor ({@link KitInterceptor}) calls {@link #beforeHandler()}.
 */
public final class Interference {

    private static final ThreadLocal<Interference> CURRENT = new ThreadLocal<>();

    private final Concurrent concurrent;
    private final BiConsumer<String, List<Object>> appender;
    private int attempts;

    private Interference(Concurrent concurrent, BiConsumer<String, List<Object>> appender) {
        this.concurrent = concurrent;
        this.appender = appender;
    }

    /** @param concurrent what to append before the handler runs, or {@code null} for nothing */
    public static Interference begin(Concurrent concurrent, BiConsumer<String, List<Object>> appender) {
        Interference interference = new Interference(concurrent, appender);
        CURRENT.set(interference);
        return interference;
    }

    static void beforeHandler() {
        Interference interference = CURRENT.get();
        if (interference != null) {
            interference.run();
        }
    }

    private void run() {
        attempts++;
        if (concurrent != null && (attempts == 1 || concurrent.everyAttempt())) {
            appender.accept(concurrent.streamId(), concurrent.events());
        }
    }

    public int attempts() {
        return attempts;
    }

    public void end() {
        CURRENT.remove();
    }
}
