package dev.allframe.core.telemetry;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** Telemetry that hands everything to another, for one that adds to some of it. */
public abstract class ForwardingTelemetry implements Telemetry {

    private final Telemetry delegate;

    protected ForwardingTelemetry(Telemetry delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public CommandTrace command(Object command) {
        return delegate.command(command);
    }

    @Override
    public Trace projectionBatch(String projection, List<EventEnvelope> events) {
        return delegate.projectionBatch(projection, events);
    }

    @Override
    public Trace inlineProjection(String projection, List<EventEnvelope> events) {
        return delegate.inlineProjection(projection, events);
    }

    @Override
    public Trace saga(String saga, UUID sagaId) {
        return delegate.saga(saga, sagaId);
    }

    @Override
    public Trace sagaStep(String saga, UUID sagaId, int step, String stepName, boolean compensation) {
        return delegate.sagaStep(saga, sagaId, step, stepName, compensation);
    }

    @Override
    public Map<String, String> withContext(Map<String, String> headers) {
        return delegate.withContext(headers);
    }

    @Override
    public Executor propagating(Executor executor) {
        return delegate.propagating(executor);
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
        delegate.brokeDown(component, cause);
    }

    @Override
    public void appendsCommittedTogether(int appends, int events) {
        delegate.appendsCommittedTogether(appends, events);
    }

    @Override
    public void projectionTaken(String projection) {
        delegate.projectionTaken(projection);
    }

    @Override
    public Trace sagaRecovered(String saga, UUID sagaId, String traceParent) {
        return delegate.sagaRecovered(saga, sagaId, traceParent);
    }

    @Override
    public Scope observeProjections(Supplier<List<ProjectionStatus>> statuses,
                                    Function<ProjectionStatus, Duration> lagAge) {
        return delegate.observeProjections(statuses, lagAge);
    }
}
