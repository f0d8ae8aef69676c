package dev.allframe.testing;

import dev.allframe.core.telemetry.ForwardingTelemetry;
import dev.allframe.core.telemetry.Telemetry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Telemetry that notes the lease takes, saga recoveries and breakdowns it is told of, and traces nothing. */
public final class RecordingTelemetry extends ForwardingTelemetry {

    private final List<String> taken = new CopyOnWriteArrayList<>();
    private final List<String> recovered = new CopyOnWriteArrayList<>();
    private final List<String> brokenDown = new CopyOnWriteArrayList<>();

    public RecordingTelemetry() {
        super(Telemetry.NONE);
    }

    /** The projections whose lease was taken, in order. */
    public List<String> taken() {
        return List.copyOf(taken);
    }

    /** The sagas taken over, in order. */
    public List<String> recovered() {
        return List.copyOf(recovered);
    }

    /** The breakdowns, each as {@code component: cause}. */
    public List<String> brokenDown() {
        return List.copyOf(brokenDown);
    }

    @Override
    public void projectionTaken(String projection) {
        taken.add(projection);
    }

    @Override
    public Trace sagaRecovered(String saga, UUID sagaId, String traceParent) {
        recovered.add(saga);
        return super.sagaRecovered(saga, sagaId, traceParent);
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
        brokenDown.add(component + ": " + cause);
    }
}
