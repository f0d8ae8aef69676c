package dev.allframe.cdi;

import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of the projections: DOWN while any of them is FAILED, naming it, its position and cause, or REBUILDING
 * (replaying the log after a reset, or at start for one that keeps its read model in memory), with how far it came:
 * its read model is not complete then. UP otherwise. Each projection's state and lag are reported either way, and
 * how many events it parked when it parked some: parked events are the operator's to look at, but they do not
 * keep the read model from following the log, so they leave readiness UP. With {@code allframe.health.max-lag} set,
 * an async projection whose oldest unapplied event is older than that is DOWN too: its read model answers, but late.
 */
final class ProjectionHealthCheck implements HealthCheck {

    static final String NAME = "allframe-projections";

    private final ProjectionRegistry registry;
    private final Function<ProjectionStatus, Duration> lagAge;
    private final Duration maxLag;

    ProjectionHealthCheck(ProjectionRegistry registry) {
        this(registry, status -> Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param lagAge the age of a projection's oldest unapplied event
     * @param maxLag the most that age may be while ready; zero for no bound
     */
    ProjectionHealthCheck(ProjectionRegistry registry, Function<ProjectionStatus, Duration> lagAge, Duration maxLag) {
        this.registry = registry;
        this.lagAge = lagAge;
        this.maxLag = maxLag;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (ProjectionStatus status : registry.list()) {
            response.withData(status.name() + ".state", status.state().name());
            response.withData(status.name() + ".lag", status.lag());
            if (status.parked() > 0) {
                response.withData(status.name() + ".parked", status.parked());
            }
            if (status.mode() == ProjectionMode.ASYNC && status.lag() > 0) {
                Duration age = lagAge.apply(status);
                response.withData(status.name() + ".lag-seconds", age.toSeconds());
                if (!maxLag.isZero() && age.compareTo(maxLag) > 0) {
                    response.down().withData(status.name() + ".behind", "its oldest unapplied event is "
                            + age.toMillis() + " ms old, more than allframe.health.max-lag (" + maxLag.toMillis()
                            + " ms)");
                }
            }
            if (status.state() == ProjectionState.FAILED) {
                response.down().withData(status.name() + ".failure", "position " + status.failure().position()
                        + ": " + status.failure().message());
            } else if (status.state() == ProjectionState.REBUILDING && status.rebuild() != null) {
                response.down().withData(status.name() + ".rebuild", "replayed up to " + status.rebuild().replayed()
                        + " of " + status.rebuild().target());
            }
        }
        return response.build();
    }
}
