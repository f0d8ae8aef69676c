package dev.allframe.otel;

import dev.allframe.core.telemetry.Telemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.UUID;

/**
 * A trace that is an OpenTelemetry span, timed for the metrics: when it ends, {@link Ending} records what it measured.
 * An append is a child span of its command's.
 */
final class SpanTrace implements Telemetry.CommandTrace {

    /** What a trace records in the metrics when it ends. */
    @FunctionalInterface
    interface Ending {

        void ended(SpanTrace trace, double seconds);
    }

    private final Span span;
    private final Tracer tracer;
    private final Meters meters;
    private final Ending ending;
    private final String name;
    private final String outcomeAttribute;
    private final long started = System.nanoTime();
    private String outcome;
    private boolean failed;

    /**
     * @param name             what the metrics call the traced thing: the command's type, the projection, the saga
     * @param outcomeAttribute the span attribute that holds its outcome
     */
    SpanTrace(Span span, Tracer tracer, Meters meters, String name, String outcomeAttribute, Ending ending) {
        this.outcomeAttribute = outcomeAttribute;
        this.span = span;
        this.tracer = tracer;
        this.meters = meters;
        this.name = name;
        this.ending = ending;
    }

    String name() {
        return name;
    }

    String outcome() {
        return outcome;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public Telemetry.Scope activate() {
        io.opentelemetry.context.Scope scope = span.makeCurrent();
        return scope::close;
    }

    @Override
    public void failed(Throwable failure) {
        failed = true;
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }

    @Override
    public void attribute(String name, String value) {
        span.setAttribute(name, value);
    }

    @Override
    public void attribute(String name, long value) {
        span.setAttribute(name, value);
    }

    @Override
    public void end() {
        span.end();
        ending.ended(this, (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void outcome(String outcome) {
        this.outcome = outcome;
        span.setAttribute(outcomeAttribute, outcome);
    }

    @Override
    public void retried(int attempt) {
        span.setAttribute(Telemetry.RETRIES, attempt);
        meters.retried(name);
    }

    @Override
    public void ids(UUID commandId, String correlationId) {
        span.setAttribute("allframe.command.id", commandId.toString());
        span.setAttribute("allframe.correlation.id", correlationId);
    }

    @Override
    public Telemetry.Trace append(String streamId, int events) {
        return new SpanTrace(tracer.spanBuilder("allframe.append").setAttribute(Telemetry.STREAM, streamId)
                .setAttribute("allframe.events", (long) events).startSpan(), tracer, meters, streamId, "allframe.append.outcome",
                (trace, seconds) -> {
                    if (!trace.failed()) {
                        meters.appended(events);
                    }
                });
    }
}
