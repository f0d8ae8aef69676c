package dev.allframe.cdi.features.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.testing.TestHealthResponses;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectionsOnCdiTest {

    private static final Map<String, String> FAST = Map.of("allframe.projection.poll-interval", "50ms",
            "allframe.projection.retry-backoff", "10ms", "allframe.projection.max-retries", "1");

    @BeforeAll
    static void healthRuntime() {
        HealthCheckResponse.setResponseProvider(new TestHealthResponses());
    }

    @AfterAll
    static void noHealthRuntime() {
        HealthCheckResponse.setResponseProvider(null);
    }

    @Test
    void projectionBeansAreFoundAndFedAndTheirStatusIsReported() throws Exception {
        TestConfig.with(FAST, () -> {
            try (WeldContainer container = Deployments.weld(PingHandlers.class, PingLog.class, PingCount.class).initialize()) {
                CommandBus bus = container.select(CommandBus.class).get();
                ProjectionRegistry registry = container.select(ProjectionRegistry.class).get();

                bus.dispatch(new Ping("p", "one"));
                CommandResult second = bus.dispatch(new Ping("p", "two"));

                assertThat(container.select(PingCount.class).get().count()).isEqualTo(2);
                assertThat(container.select(PingCount.class).get().lastPosition()).isEqualTo(second.lastPosition());
                assertThat(registry.awaitPosition("ping-log", second.lastPosition(), Duration.ofSeconds(10))).isTrue();
                assertThat(container.select(PingLog.class).get().texts()).containsExactly("one", "two");
                assertThat(registry.list()).extracting(ProjectionStatus::name, ProjectionStatus::mode,
                                ProjectionStatus::state, ProjectionStatus::position)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("ping-count", ProjectionMode.INLINE, ProjectionState.RUNNING, 2L),
                                org.assertj.core.groups.Tuple.tuple("ping-log", ProjectionMode.ASYNC, ProjectionState.RUNNING, 2L));
                return null;
            }
        });
    }

    @Test
    void theReadinessCheckIsDownWhileAProjectionIsFailed() throws Exception {
        TestConfig.with(FAST, () -> {
            try (WeldContainer container = Deployments.weld(PingHandlers.class, PingLog.class).initialize()) {
                CommandBus bus = container.select(CommandBus.class).get();
                ProjectionRegistry registry = container.select(ProjectionRegistry.class).get();
                HealthCheck readiness = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();

                CommandResult good = bus.dispatch(new Ping("p", "fine"));
                assertThat(registry.awaitPosition("ping-log", good.lastPosition(), Duration.ofSeconds(10))).isTrue();
                HealthCheckResponse up = readiness.call();
                assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
                assertThat(up.getData()).contains(Map.of("ping-log.state", "RUNNING", "ping-log.lag", 0L));

                CommandResult poison = bus.dispatch(new Ping("p", "poison"));
                assertThat(registry.awaitPosition("ping-log", poison.lastPosition(), Duration.ofSeconds(10))).isFalse();
                HealthCheckResponse down = readiness.call();

                assertThat(down.getName()).isEqualTo("allframe-projections");
                assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(down.getData().orElseThrow()).containsEntry("ping-log.state", "FAILED")
                        .containsEntry("ping-log.lag", 1L)
                        .containsEntry("ping-log.failure", "position 2: AF1119: Projection 'ping-log' failed on event"
                                + " Pinged at position 2 (stream 'p', version 2) in"
                                + " dev.allframe.cdi.features.projections.PingLog#on(Pinged):"
                                + " java.lang.IllegalArgumentException: poison ping");
                return null;
            }
        });
    }
}
