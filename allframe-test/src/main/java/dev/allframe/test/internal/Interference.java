package dev.allframe.test.internal;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A command under way on the test's thread: counts its handler's runs and, when the test asked for one, appends
 * the concurrent events before a run, as another writer between the command's read and its append would. The
 * handler beans' interceptor ({@link KitInterceptor}) calls {@link #beforeHandler()}.
 */
public final class Interference {

    private static final ThreadLocal<Interference> CURRENT = new ThreadLocal<>();

    private final String streamId;
    private final List<Object> events;
    private final boolean everyAttempt;
    private final BiConsumer<String, List<Object>> appender;
    private int attempts;

    private Interference(String streamId, List<Object> events, boolean everyAttempt,
                         BiConsumer<String, List<Object>> appender) {
        this.streamId = streamId;
        this.events = events;
        this.everyAttempt = everyAttempt;
        this.appender = appender;
    }

    /** Counts the handler's runs and appends nothing. */
    public static Interference counting() {
        return begin(null, List.of(), false, null);
    }

    /**
     * Appends {@code events} to {@code streamId} through {@code appender} before the handler's first run, or before
     * each run when {@code everyAttempt}.
     */
    public static Interference begin(String streamId, List<Object> events, boolean everyAttempt,
                                     BiConsumer<String, List<Object>> appender) {
        Interference interference = new Interference(streamId, events, everyAttempt, appender);
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
        if (streamId != null && (attempts == 1 || everyAttempt)) {
            appender.accept(streamId, events);
        }
    }

    public int attempts() {
        return attempts;
    }

    public void end() {
        CURRENT.remove();
    }
}
