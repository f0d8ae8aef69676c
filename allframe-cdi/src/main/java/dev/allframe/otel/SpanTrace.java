package dev.allframe.otel;

import dev.allframe.core.telemetry.Telemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/** A trace that is an OpenTelemetry span; an append is a child span of its command's. */
final class SpanTrace implements Telemetry.CommandTrace {

    private final Span span;
    private final Tracer tracer;

    SpanTrace(Span span, Tracer tracer) {
        this.span = span;
        this.tracer = tracer;
    }

    @Override
    public Telemetry.Scope activate() {
        io.opentelemetry.context.Scope scope = span.makeCurrent();
        return scope::close;
    }

    @Override
    public void failed(Throwable failure) {
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
    }

    @Override
    public void outcome(String outcome) {
        span.setAttribute("allframe.command.outcome", outcome);
    }

    @Override
    public Telemetry.Trace append(String streamId, int events) {
        return new SpanTrace(tracer.spanBuilder("allframe.append").setAttribute(Telemetry.STREAM, streamId)
                .setAttribute("allframe.events", (long) events).startSpan(), tracer);
    }
}
