package dev.allframe.otel;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.projection.ProjectionStatus;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link Telemetry} as OpenTelemetry spans and metrics ({@link Meters}). The context of the span current when a command stores events goes into
 * their metadata as W3C {@code traceparent} (and {@code tracestate}); a projection's batch span links to the
 * contexts of its events, so that it joins the traces of the commands on whichever thread or server it runs.
 */
public final class OpenTelemetryTraces implements Telemetry {

    /** The instrumentation scope's name. */
    public static final String SCOPE = "dev.allframe";
    /** The most links a batch span gets: one per distinct command trace, the first ones. */
    static final int MAX_LINKS = 64;

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> METADATA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final Meters meters;

    private OpenTelemetryTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.meters = new Meters(openTelemetry.getMeter(SCOPE));
    }

    /**
     * AllFrame's telemetry through {@code openTelemetry}; none when it is the API's no-op (no SDK, or a server's
     * disabled one), whose spans and measurements would be made and thrown away on every dispatch for nothing.
     */
    public static Telemetry of(OpenTelemetry openTelemetry) {
        requireNonNull(openTelemetry, "openTelemetry");
        return openTelemetry.getTracerProvider() == TracerProvider.noop()
                && openTelemetry.getMeterProvider() == MeterProvider.noop() ? Telemetry.NONE
                : new OpenTelemetryTraces(openTelemetry);
    }

    @Override
    public CommandTrace command(Object command) {
        String type = command == null ? "null" : command.getClass().getName();
        Span span = tracer.spanBuilder("allframe.command " + simpleName(command)).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("allframe.command.type", type).startSpan();
        return new SpanTrace(span, tracer, meters, type, "allframe.command.outcome",
                (trace, seconds) -> meters.commandEnded(trace.name(), trace.outcome(), seconds));
    }

    @Override
    public Trace projectionBatch(String projection, List<EventEnvelope> events) {
        SpanBuilder builder = projectionSpan("allframe.projection.batch ", projection, events)
                .setSpanKind(SpanKind.CONSUMER).setNoParent();
        Set<SpanContext> causes = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            SpanContext cause = contextOf(event.metadata());
            if (cause.isValid() && causes.size() < MAX_LINKS) {
                causes.add(cause);
            }
        }
        causes.forEach(builder::addLink);
        return projectionTrace(builder, projection, events);
    }

    /**
     * A child of the span that stored the events, as their metadata names it: an append may be written by another
     * command's thread, together with its own (group commit), where another span is current.
     */
    @Override
    public Trace inlineProjection(String projection, List<EventEnvelope> events) {
        SpanBuilder builder = projectionSpan("allframe.projection.inline ", projection, events)
                .setSpanKind(SpanKind.INTERNAL);
        SpanContext cause = events.isEmpty() ? SpanContext.getInvalid() : contextOf(events.get(0).metadata());
        if (cause.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(cause)));
        }
        return projectionTrace(builder, projection, events);
    }

    private SpanBuilder projectionSpan(String prefix, String projection, List<EventEnvelope> events) {
        SpanBuilder builder = tracer.spanBuilder(prefix + projection)
                .setAttribute("allframe.projection", projection)
                .setAttribute("allframe.events", (long) events.size());
        if (!events.isEmpty()) {
            builder.setAttribute(FIRST_POSITION, events.get(0).globalPosition())
                    .setAttribute(LAST_POSITION, events.get(events.size() - 1).globalPosition());
        }
        return builder;
    }

    private SpanTrace projectionTrace(SpanBuilder builder, String projection, List<EventEnvelope> events) {
        long count = events.size();
        return new SpanTrace(builder.startSpan(), tracer, meters, projection, "allframe.projection.outcome",
                (trace, seconds) -> meters.batchEnded(trace.name(), count, trace.failed(), seconds));
    }

    @Override
    public Trace saga(String saga, UUID sagaId) {
        return sagaTrace(sagaSpan(saga, sagaId), saga);
    }

    /**
     * A new trace, with no parent: the process that started the saga, and its trace, are gone. It links to the trace
     * the saga started in, so that a tracing system shows the two together.
     */
    @Override
    public Trace sagaRecovered(String saga, UUID sagaId, String traceParent) {
        meters.sagaRecovered(saga);
        SpanBuilder builder = sagaSpan(saga, sagaId).setNoParent().setAttribute("allframe.saga.recovered", true);
        SpanContext started = traceParent == null ? SpanContext.getInvalid() : contextOf(Map.of(TRACEPARENT, traceParent));
        if (started.isValid()) {
            builder.addLink(started);
        }
        return sagaTrace(builder, saga);
    }

    private SpanBuilder sagaSpan(String saga, UUID sagaId) {
        return tracer.spanBuilder("allframe.saga " + saga).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("allframe.saga", saga).setAttribute("allframe.saga.id", sagaId.toString());
    }

    private SpanTrace sagaTrace(SpanBuilder builder, String saga) {
        return new SpanTrace(builder.startSpan(), tracer, meters, saga, "allframe.saga.outcome",
                (trace, seconds) -> meters.sagaEnded(trace.name(), trace.outcome() == null ? "FAILED" : trace.outcome()));
    }

    @Override
    public Trace sagaStep(String saga, UUID sagaId, int step, String stepName, boolean compensation) {
        return new SpanTrace(tracer.spanBuilder((compensation ? "allframe.saga.compensate " : "allframe.saga.execute ")
                        + stepName).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("allframe.saga", saga).setAttribute("allframe.saga.id", sagaId.toString())
                .setAttribute("allframe.saga.step", (long) step).setAttribute("allframe.saga.step.name", stepName)
                .startSpan(), tracer, meters, stepName, "allframe.saga.step.outcome",
                (trace, seconds) -> meters.stepEnded(saga, trace.name(), compensation, trace.failed(), seconds));
    }

    @Override
    public Map<String, String> withContext(Map<String, String> headers) {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid()) {
            return headers;
        }
        Map<String, String> with = new HashMap<>(headers);
        PROPAGATOR.inject(current, with, (carrier, key, value) -> carrier.put(key, value));
        return with;
    }

    @Override
    public Executor propagating(Executor executor) {
        return Context.taskWrapping(executor);
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
        meters.brokeDown(component);
    }

    @Override
    public void appendsCommittedTogether(int appends, int events) {
        meters.committedTogether(appends);
    }

    @Override
    public void projectionTaken(String projection) {
        meters.projectionTaken(projection);
    }

    @Override
    public Scope observeProjections(Supplier<List<ProjectionStatus>> statuses,
                                    Function<ProjectionStatus, Duration> lagAge) {
        return meters.observe(statuses, lagAge);
    }

    /** The span context an event's metadata carries, invalid when it carries none. */
    static SpanContext contextOf(Map<String, String> metadata) {
        if (metadata.isEmpty() || !metadata.containsKey(TRACEPARENT)) {
            return SpanContext.getInvalid();
        }
        return Span.fromContext(PROPAGATOR.extract(Context.root(), metadata, METADATA)).getSpanContext();
    }

    private static String simpleName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
