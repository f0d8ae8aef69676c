package dev.allframe.core.telemetry;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Telemetry that keeps, besides telling {@code delegate}, every breakdown it is told of: the components of AllFrame
 * that cannot go on, for the liveness check. Everything else it hands to the delegate.
 */
public final class Breakdowns implements Telemetry {

    /** A component that could not go on: which, why, when. */
    public record Breakdown(String component, String cause, Instant at) {
    }

    private final Telemetry delegate;
    private final Clock clock;
    private final List<Breakdown> breakdowns = new CopyOnWriteArrayList<>();

    public Breakdowns(Telemetry delegate, Clock clock) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The breakdowns so far, in order. */
    public List<Breakdown> breakdowns() {
        return List.copyOf(breakdowns);
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
        breakdowns.add(new Breakdown(component, cause.toString(), clock.instant()));
        delegate.brokeDown(component, cause);
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
    public void appendsCommittedTogether(int appends, int events) {
        delegate.appendsCommittedTogether(appends, events);
    }

    @Override
    public void projectionTaken(String projection) {
        delegate.projectionTaken(projection);
    }

    @Override
    public void sagaRecovered(String saga) {
        delegate.sagaRecovered(saga);
    }

    @Override
    public Scope observeProjections(Supplier<List<ProjectionStatus>> statuses,
                                    Function<ProjectionStatus, Duration> lagAge) {
        return delegate.observeProjections(statuses, lagAge);
    }
}
