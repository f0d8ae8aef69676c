package dev.allframe.it.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The spans the server's OpenTelemetry logs (its logging exporter), as they are logged while this is open: each a
 * line {@code 'name' : traceId spanId KIND [tracer: ...] attributes}.
 */
final class SpanLog extends Handler implements AutoCloseable {

    private static final Logger EXPORTER = Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter");

    private final List<String> lines = new ArrayList<>();

    private SpanLog() {
    }

    static SpanLog open() {
        SpanLog log = new SpanLog();
        EXPORTER.addHandler(log);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (parameters != null && parameters.length > 0) {
            message = java.text.MessageFormat.format(message, parameters);
        }
        lines.add(message);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        EXPORTER.removeHandler(this);
    }
}
