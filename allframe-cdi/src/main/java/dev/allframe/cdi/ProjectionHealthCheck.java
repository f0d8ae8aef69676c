package dev.allframe.cdi;

import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of the projections: DOWN while any of them is FAILED, naming it, its position and cause, or REBUILDING
 * (replaying the log after a reset, or at start for one that keeps its read model in memory), with how far it came:
 * its read model is not complete then. UP otherwise. Each projection's state and lag are reported either way, and
 * how many events it parked when it parked some: parked events are the operator's to look at, but they do not
 * keep the read model from following the log, so they leave readiness UP.
 */
final class ProjectionHealthCheck implements HealthCheck {

    static final String NAME = "allframe-projections";

    private final ProjectionRegistry registry;

    ProjectionHealthCheck(ProjectionRegistry registry) {
        this.registry = registry;
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
