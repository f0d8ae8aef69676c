package dev.allframe.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one logger logs while the capture is open, every level included, as {@code LEVEL message} lines: for tests
 * asserting the exact text of a logged message. Closing it restores the logger's level.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level level;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Captures the logger named like {@code source}, as AllFrame's classes name theirs. */
    public static LogCapture of(Class<?> source) {
        return of(source.getName());
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName));
    }

    /** Each record as its level and message, {@code WARNING AF1114: ...}, in the order they were logged. */
    public List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    }

    /**
     * The {@link #lines()} that mention {@code subject}: a stream, saga or projection of the test's own, so that
     * what other tests' threads still log meanwhile does not count.
     */
    public List<String> linesAbout(String subject) {
        return lines().stream().filter(line -> line.contains(subject)).toList();
    }

    /** The records whose message mentions {@code subject}, as {@link #linesAbout} picks them. */
    public List<LogRecord> recordsAbout(String subject) {
        return records.stream().filter(r -> r.getMessage() != null && r.getMessage().contains(subject)).toList();
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(level);
    }
}
