package dev.allframe.cdi;

import dev.allframe.core.telemetry.Breakdowns;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Liveness of AllFrame's work: DOWN once a component could not go on (an {@code Error} in its work, or its executor
 * refusing work), naming each with its cause and when; a restart is what brings it back. UP otherwise.
 */
final class BreakdownHealthCheck implements HealthCheck {

    static final String NAME = "allframe-work";

    private final Supplier<Breakdowns> breakdowns;

    BreakdownHealthCheck(Supplier<Breakdowns> breakdowns) {
        this.breakdowns = breakdowns;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (Breakdowns.Breakdown breakdown : breakdowns.get().breakdowns()) {
            response.down().withData(breakdown.component(), breakdown.cause() + " at " + breakdown.at());
        }
        return response.build();
    }
}
