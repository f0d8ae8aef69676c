package dev.allframe.core.telemetry;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link Telemetry#NONE}: one trace that does nothing, handed out for everything. */
final class NoTelemetry implements Telemetry, Telemetry.CommandTrace, Telemetry.Scope {

    @Override
    public CommandTrace command(Object command) {
        return this;
    }

    @Override
    public Trace projectionBatch(String projection, List<EventEnvelope> events) {
        return this;
    }

    @Override
    public Trace inlineProjection(String projection, List<EventEnvelope> events) {
        return this;
    }

    @Override
    public Trace saga(String saga, UUID sagaId) {
        return this;
    }

    @Override
    public Trace sagaStep(String saga, UUID sagaId, int step, String stepName, boolean compensation) {
        return this;
    }

    @Override
    public Map<String, String> withContext(Map<String, String> headers) {
        return headers;
    }

    @Override
    public Executor propagating(Executor executor) {
        return executor;
    }

    @Override
    public Scope observeProjections(Supplier<List<ProjectionStatus>> statuses,
                                    Function<ProjectionStatus, Duration> lagAge) {
        return this;
    }

    @Override
    public void retried(int attempt) {
    }

    @Override
    public void ids(UUID commandId, String correlationId) {
    }

    @Override
    public void projectionTaken(String projection) {
    }

    @Override
    public void appendsCommittedTogether(int appends, int events) {
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
    }

    @Override
    public Trace sagaRecovered(String saga, UUID sagaId, String traceParent) {
        return this;
    }

    @Override
    public Scope activate() {
        return this;
    }

    @Override
    public void failed(Throwable failure) {
    }

    @Override
    public void attribute(String name, String value) {
    }

    @Override
    public void attribute(String name, long value) {
    }

    @Override
    public void end() {
    }

    @Override
    public void outcome(String outcome) {
    }

    @Override
    public Trace append(String streamId, int events) {
        return this;
    }

    @Override
    public void close() {
    }
}
