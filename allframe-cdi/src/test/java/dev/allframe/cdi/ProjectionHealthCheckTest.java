package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.testing.TestHealthResponses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestHealthResponses.Installed.class)
class ProjectionHealthCheckTest {


    @Test
    void readinessIsDownWhileAProjectionReplaysTheLogAndUpOnceItCaughtUp() {
        ProjectionStatus replaying = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.REBUILDING,
                300, null, 1000, null, new ProjectionStatus.RebuildProgress(300, 1000));
        ProjectionStatus running = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.RUNNING,
                1000, null, 1000, null, null);

        HealthCheckResponse down = new ProjectionHealthCheck(registry(replaying)).call();
        HealthCheckResponse up = new ProjectionHealthCheck(registry(running)).call();

        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).containsEntry("balances.state", "REBUILDING")
                .containsEntry("balances.rebuild", "replayed up to 300 of 1000");
        assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(up.getData().orElseThrow()).containsAllEntriesOf(Map.of("balances.state", "RUNNING",
                "balances.lag", 0L));
    }

    @Test
    void parkedEventsAreReportedAndLeaveReadinessUpWhileAFailedProjectionMakesItDown() {
        ProjectionStatus parking = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.RUNNING,
                1000, null, 1000, null, null, 2);
        ProjectionStatus clean = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.RUNNING,
                1000, null, 1000, null, null);
        ProjectionStatus failed = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.FAILED,
                999, null, 1000, new ProjectionStatus.Failure(1000, "a", 3, "Deposited", "AF1119: broken"), null, 2);

        HealthCheckResponse up = new ProjectionHealthCheck(registry(parking)).call();
        HealthCheckResponse none = new ProjectionHealthCheck(registry(clean)).call();
        HealthCheckResponse down = new ProjectionHealthCheck(registry(failed)).call();

        assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(up.getData().orElseThrow()).containsEntry("balances.parked", 2L);
        assertThat(none.getData().orElseThrow()).doesNotContainKey("balances.parked");
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow()).containsEntry("balances.parked", 2L)
                .containsEntry("balances.failure", "position 1000: AF1119: broken");
    }

    @Test
    void aProjectionFartherBehindThanTheMaximumLagMakesReadinessDown() {
        ProjectionStatus behind = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.RUNNING,
                900, null, 1000, null, null);
        ProjectionStatus caughtUp = new ProjectionStatus("balances", ProjectionMode.ASYNC, ProjectionState.RUNNING,
                1000, null, 1000, null, null);

        HealthCheckResponse late = new ProjectionHealthCheck(registry(behind), status -> Duration.ofSeconds(12),
                Duration.ofSeconds(5)).call();
        HealthCheckResponse inTime = new ProjectionHealthCheck(registry(behind), status -> Duration.ofSeconds(4),
                Duration.ofSeconds(5)).call();
        HealthCheckResponse unbounded = new ProjectionHealthCheck(registry(behind), status -> Duration.ofHours(1),
                Duration.ZERO).call();
        HealthCheckResponse none = new ProjectionHealthCheck(registry(caughtUp), status -> {
            throw new AssertionError("a projection that applied everything has no age to read");
        }, Duration.ofSeconds(5)).call();

        assertThat(late.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(late.getData().orElseThrow()).containsEntry("balances.lag", 100L)
                .containsEntry("balances.lag-seconds", 12L)
                .containsEntry("balances.behind", "its oldest unapplied event is 12000 ms old, more than"
                        + " allframe.health.max-lag (5000 ms)");
        assertThat(inTime.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(inTime.getData().orElseThrow()).containsEntry("balances.lag-seconds", 4L)
                .doesNotContainKey("balances.behind");
        assertThat(unbounded.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(none.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(none.getData().orElseThrow()).doesNotContainKey("balances.lag-seconds");
    }

    private static ProjectionRegistry registry(ProjectionStatus status) {
        return new ProjectionRegistry() {
            @Override
            public List<ProjectionStatus> list() {
                return List.of(status);
            }

            @Override
            public ProjectionStatus status(String name) {
                return status;
            }

            @Override
            public void rebuild(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void pause(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void resume(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean awaitPosition(String name, long position, java.time.Duration timeout) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ParkedEvent skip(String name, String operator, String reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ParkedEvent> parked(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ParkedRetry retryParked(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ParkedRetry retryParked(String name, long position) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
