package dev.allframe.cdi.features.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.testing.LogCapture;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * AllFrame uses the roles a store offers and nothing in their place: an application's event store typed only as
 * {@code EventStore} gets no in-memory sagas or checkpoints behind the user's back.
 */
class StoreCapabilitiesOnCdiTest {

    @Test
    void anApplicationStoreWithoutTheRolesTheApplicationNeedsFailsToDeploy() {
        assertThat(Deployments.failure(PingHandlers.class, PingTally.class, PingLog.class, PingTwice.class,
                ProducedEventStore.class).problems()).map(String::valueOf).containsExactly(
                "AF1122: Projection 'ping-log' is inline, but the application's event store cannot run listeners"
                        + " inside its appends",
                "AF1157: Async projections ping-tally keep their read models outside memory (readModel = STORED)"
                        + " and so their positions in the store, but the application's event store keeps no"
                        + " checkpoints: use a store that does (jpa), define a CheckpointStore bean beside the"
                        + " application's EventStore bean, or keep their read models in memory",
                "AF1156: Sagas ping-twice need a saga store, but the application's event store keeps no sagas: use"
                        + " a store that does (jpa), or define a SagaStore bean beside the application's EventStore"
                        + " bean");
    }

    @Test
    void theRolesComeFromTheApplicationsBeansOfThoseRoles() throws Exception {
        try (WeldContainer container = Deployments.weld(PingHandlers.class, PingTally.class, PingTwice.class,
                ProducedEventStore.class, ProducedRoles.class).initialize()) {
            ProducedRoles roles = container.select(ProducedRoles.class).get();
            SagaOutcome outcome = container.select(SagaOrchestrator.class).get().start("ping-twice", "p");
            CommandResult last = container.select(CommandBus.class).get().dispatch(new Ping("q"));

            assertThat(outcome).isInstanceOf(SagaOutcome.Completed.class);
            assertThat(roles.sagaStore().find(outcome.sagaId()).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
            assertThat(container.select(ProjectionRegistry.class).get()
                    .awaitPosition("ping-tally", last.lastPosition(), Duration.ofSeconds(10))).isTrue();
            assertThat(roles.checkpointStore().checkpoint("ping-tally")).isEqualTo(last.lastPosition());
            assertThat(container.select(PingTally.class).get().pings()).isEqualTo(3);
        }
    }

    @Test
    void snapshotsThatTheStoreCannotKeepAreAWarning() throws Exception {
        try (LogCapture log = LogCapture.of("dev.allframe.cdi.AllFrameRuntime")) {
            TestConfig.with(Map.of("allframe.snapshot.every", "5"), () -> {
                try (WeldContainer container = Deployments.weld(PingHandlers.class).initialize()) {
                    return container.select(CommandBus.class).get().dispatch(new Ping("p"));
                }
            });

            assertThat(log.linesAbout("allframe.snapshot.every")).containsExactly(
                    "WARNING AF1158: allframe.snapshot.every is 5, but the 'memory' event store keeps no snapshots:"
                            + " aggregate states are folded from the streams' first events");
        }
    }

    @Test
    void aKeyOfAStoreThatIsNotOnTheClassPathIsUnknown() throws Exception {
        assertThat(TestConfig.with(Map.of("allframe.jpa.create-schema", "true"),
                () -> Deployments.failure(PingHandlers.class)).problems()).map(String::valueOf).containsExactly(
                "AF1011: Configuration key allframe.jpa.create-schema is not an AllFrame key; known keys:"
                        + " allframe.event-store, allframe.command.max-retries, allframe.command.turn-wait, allframe.snapshot.every, allframe.state-cache.streams,"
                        + " allframe.projection.batch-size, allframe.projection.poll-interval,"
                        + " allframe.projection.max-retries, allframe.projection.retry-backoff,"
                        + " allframe.projection.lease, allframe.node.name, allframe.saga.step-timeout, allframe.saga.lease,"
                        + " allframe.retention.idempotency-keys, allframe.retention.sagas, allframe.retention.interval,"
                        + " allframe.retention.batch-size, allframe.telemetry.enabled, allframe.health.max-lag,"
                        + " allframe.recording.unit");
    }
}
