package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.telemetry.Breakdowns;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.testing.MutableClock;
import dev.allframe.testing.TestHealthResponses;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestHealthResponses.Installed.class)
class BreakdownHealthCheckTest {


    @Test
    void livenessIsUpUntilAComponentBreaksDownAndThenNamesEach() {
        Breakdowns breakdowns = new Breakdowns(Telemetry.NONE, new MutableClock());
        BreakdownHealthCheck check = new BreakdownHealthCheck(() -> breakdowns);

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(check.call().getName()).isEqualTo("allframe-work");

        breakdowns.brokeDown("projection ledger", new OutOfMemoryError("Java heap space"));
        breakdowns.brokeDown("sagas", new RejectedExecutionException("shut down"));
        HealthCheckResponse down = check.call();

        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow())
                .containsEntry("projection ledger", "java.lang.OutOfMemoryError: Java heap space at 2026-01-05T10:00:00Z")
                .containsEntry("sagas", "java.util.concurrent.RejectedExecutionException: shut down at"
                        + " 2026-01-05T10:00:00Z");
    }

    @Test
    void onlyErrorsAndRefusedWorkAreBreakdowns() {
        assertThat(Telemetry.breaksDown(new StackOverflowError())).isTrue();
        assertThat(Telemetry.breaksDown(new NoClassDefFoundError("x"))).isTrue();
        assertThat(Telemetry.breaksDown(new RejectedExecutionException())).isTrue();
        assertThat(Telemetry.breaksDown(new IllegalStateException())).isFalse();
        assertThat(Telemetry.breaksDown(new AssertionError())).isFalse();
    }
}
