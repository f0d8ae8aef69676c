package dev.allframe.core.telemetry;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Telemetry that keeps, besides telling its delegate, every breakdown it is told of: the components of AllFrame that
 * cannot go on, for the liveness check.
 */
public final class Breakdowns extends ForwardingTelemetry {

    /** A component that could not go on: which, why, when. */
    public record Breakdown(String component, String cause, Instant at) {
    }

    private final Clock clock;
    private final List<Breakdown> breakdowns = new CopyOnWriteArrayList<>();

    public Breakdowns(Telemetry delegate, Clock clock) {
        super(delegate);
        this.clock = requireNonNull(clock, "clock");
    }

    /** The breakdowns so far, in order. */
    public List<Breakdown> breakdowns() {
        return List.copyOf(breakdowns);
    }

    @Override
    public void brokeDown(String component, Throwable cause) {
        breakdowns.add(new Breakdown(component, cause.toString(), clock.instant()));
        super.brokeDown(component, cause);
    }
}
