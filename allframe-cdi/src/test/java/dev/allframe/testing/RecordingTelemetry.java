package dev.allframe.testing;

import dev.allframe.EventEnvelope;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** Telemetry that notes the lease takes, saga recoveries and breakdowns it is told of, and traces nothing. */
public final class RecordingTelemetry implements Telemetry {

    private final List<String> taken = new CopyOnWriteArrayList<>();
    private final List<String> recovered = new CopyOnWriteArrayList<>();
    private final List<String> brokenDown = new CopyOnWriteArrayList<>();

    /** The projections whose lease was taken, in order. */
    public List<String> taken() {
        return List.copyOf(taken);
    }

    /** The sagas taken over, in order. */
    public List<String> recovered() {
        return List.copyOf(recovered);
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
        brokenDown.add(component + ": " + cause);
    }

    /** The breakdowns, each as {@code component: cause}. */
    public List<String> brokenDown() {
        return List.copyOf(brokenDown);
    }

    @Override
    public void appendsCommittedTogether(int appends, int events) {
    }

    @Override
    public void projectionTaken(String projection) {
        taken.add(projection);
    }

    @Override
    public void sagaRecovered(String saga) {
        recovered.add(saga);
    }

    @Override
    public CommandTrace command(Object command) {
        return NONE.command(command);
    }

    @Override
    public Trace projectionBatch(String projection, List<EventEnvelope> events) {
        return NONE.projectionBatch(projection, events);
    }

    @Override
    public Trace saga(String saga, UUID sagaId) {
        return NONE.saga(saga, sagaId);
    }

    @Override
    public Trace sagaStep(String saga, UUID sagaId, int step, String stepName, boolean compensation) {
        return NONE.sagaStep(saga, sagaId, step, stepName, compensation);
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
        return NONE.observeProjections(statuses, lagAge);
    }
}
