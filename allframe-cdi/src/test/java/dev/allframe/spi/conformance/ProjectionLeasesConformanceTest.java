package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.LeaseLostException;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on projections, for checkpoint stores that several nodes share: one node at a time holds a projection, its
 * renewals keep it, a lease that ran out or was released is taken with a greater token, and a batch under a lease
 * whose token is no longer the stored one is refused with nothing applied. Time is the test's clock, which the store
 * under test must compare leases on.
 *
 * <p>A store runs the suite by extending this class: {@link #createLeases(MutableClock)} returns a new store holding
 * no leases nor checkpoints, comparing leases on the given clock.
 */
public abstract class ProjectionLeasesConformanceTest {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Instant RECORDED = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock();
    private ProjectionLeases leases;
    private CheckpointStore checkpoints;

    /** A new store holding no leases nor checkpoints, which compares leases on {@code clock}. */
    protected abstract ProjectionLeases createLeases(MutableClock clock);

    @BeforeEach
    final void openLeases() {
        leases = requireNonNull(createLeases(clock), "createLeases() returned null");
        checkpoints = (CheckpointStore) leases;
    }

    @Test
    void theFirstClaimTakesTheLeaseUntilItsTimeIsUp() {
        ProjectionLease lease = leases.claim("totals", "node-a", LEASE).orElseThrow();

        assertThat(lease.projection()).isEqualTo("totals");
        assertThat(lease.node()).isEqualTo("node-a");
        assertThat(lease.until()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(leases.holder("totals")).contains(lease);
    }

    @Test
    void noOtherNodeTakesALeaseThatRuns() {
        ProjectionLease lease = leases.claim("totals", "node-a", LEASE).orElseThrow();
        clock.advance(LEASE.minusMillis(1));

        assertThat(leases.claim("totals", "node-b", LEASE)).isEmpty();
        assertThat(leases.holder("totals")).contains(lease);
    }

    @Test
    void theHolderRenewsItsLeaseAndKeepsItsToken() {
        ProjectionLease first = leases.claim("totals", "node-a", LEASE).orElseThrow();
        clock.advance(LEASE.dividedBy(3));

        ProjectionLease renewed = leases.claim("totals", "node-a", LEASE).orElseThrow();

        assertThat(renewed.token()).isEqualTo(first.token());
        assertThat(renewed.until()).isEqualTo(clock.instant().plus(LEASE));
        clock.advance(LEASE.minusMillis(1));
        assertThat(leases.claim("totals", "node-b", LEASE)).as("the renewal counts from its own time").isEmpty();
    }

    @Test
    void aLeaseThatRanOutIsTakenWithAGreaterToken() {
        ProjectionLease first = leases.claim("totals", "node-a", LEASE).orElseThrow();
        clock.advance(LEASE);

        assertThat(leases.holder("totals")).as("a lease is over at its time").isEmpty();
        ProjectionLease taken = leases.claim("totals", "node-b", LEASE).orElseThrow();

        assertThat(taken.node()).isEqualTo("node-b");
        assertThat(taken.token()).isGreaterThan(first.token());
        assertThat(leases.holder("totals")).contains(taken);
        assertThat(leases.claim("totals", "node-a", LEASE)).isEmpty();
    }

    @Test
    void leasesArePerProjection() {
        leases.claim("totals", "node-a", LEASE).orElseThrow();

        assertThat(leases.claim("history", "node-b", LEASE)).isPresent();
        assertThat(leases.holder("other")).isEmpty();
    }

    @Test
    void aBatchUnderALostLeaseIsRefusedAndAppliesNothing() {
        ProjectionLease lost = leases.claim("totals", "node-a", LEASE).orElseThrow();
        leases.applyBatch(lost, 0, events(1, 2), event -> { });
        clock.advance(LEASE);
        ProjectionLease taken = leases.claim("totals", "node-b", LEASE).orElseThrow();
        List<Long> applied = new ArrayList<>();

        assertThatThrownBy(() -> leases.applyBatch(lost, 2, events(3, 4), event -> applied.add(
                event.globalPosition()))).isInstanceOf(LeaseLostException.class)
                .satisfies(e -> assertThat(((LeaseLostException) e).lease()).isEqualTo(lost));

        assertThat(applied).isEmpty();
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(2);
        assertThat(leases.applyBatch(taken, 2, events(3, 4), event -> applied.add(event.globalPosition())))
                .isEqualTo(4);
        assertThat(applied).containsExactly(3L, 4L);
    }

    @Test
    void aBatchUnderALeaseThatRanOutWithoutBeingTakenIsApplied() {
        ProjectionLease lease = leases.claim("totals", "node-a", LEASE).orElseThrow();
        clock.advance(LEASE.multipliedBy(2));

        assertThat(leases.applyBatch(lease, 0, events(1), event -> { })).isEqualTo(1);
        assertThat(leases.claim("totals", "node-a", LEASE).orElseThrow().token()).isEqualTo(lease.token());
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceAndItsOldHolderCannotReleaseTheNextOne() {
        ProjectionLease first = leases.claim("totals", "node-a", LEASE).orElseThrow();

        leases.release(first);

        assertThat(leases.holder("totals")).isEmpty();
        ProjectionLease taken = leases.claim("totals", "node-b", LEASE).orElseThrow();
        assertThat(taken.token()).isGreaterThan(first.token());
        leases.release(first);
        assertThat(leases.holder("totals")).contains(taken);
        assertThatThrownBy(() -> leases.applyBatch(first, 0, events(1), event -> { }))
                .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void nodesLiveUntilTheirTimeRunsOutOrTheyLeave() {
        assertThat(leases.liveNodes("node-a", LEASE)).isEqualTo(1);
        assertThat(leases.liveNodes("node-b", LEASE)).isEqualTo(2);
        assertThat(leases.liveNodes("node-a", LEASE)).as("a node counts once").isEqualTo(2);

        clock.advance(LEASE.minusMillis(1));
        assertThat(leases.liveNodes("node-a", LEASE)).isEqualTo(2);
        clock.advance(Duration.ofMillis(1));
        assertThat(leases.liveNodes("node-a", LEASE)).as("node-b did not renew").isEqualTo(1);

        leases.liveNodes("node-c", LEASE);
        leases.leave("node-c");
        assertThat(leases.liveNodes("node-a", LEASE)).isEqualTo(1);
    }

    @Test
    void whatWasAskedOfAProjectionIsKeptBesideItsLeaseAlsoBeforeAnyNodeHeldIt() {
        assertThat(leases.control("totals")).isEqualTo(ProjectionControl.NONE);
        ProjectionStatus.Failure failure = new ProjectionStatus.Failure(7, "cart-1", 3, "ItemAdded",
                "AF1119: Projection 'totals' failed on event ItemAdded at position 7: no such item");

        ProjectionControl changed = leases.changeControl("totals", control -> control.withPaused(true)
                .withFailure(failure));

        assertThat(changed).isEqualTo(new ProjectionControl(true, false, 0, failure));
        assertThat(leases.control("totals")).isEqualTo(changed);
        assertThat(leases.control("history")).isEqualTo(ProjectionControl.NONE);
        assertThat(leases.holder("totals")).as("a control alone is no lease").isEmpty();
        ProjectionLease lease = leases.claim("totals", "node-a", LEASE).orElseThrow();
        assertThat(leases.control("totals")).as("a claim keeps the control").isEqualTo(changed);

        leases.changeControl("totals", control -> control.rebuildTo(40));

        assertThat(leases.control("totals")).isEqualTo(new ProjectionControl(false, true, 40, null));
        assertThat(leases.control("totals").rebuildingAt(40)).isTrue();
        leases.changeControl("totals", ProjectionControl::reset);
        assertThat(leases.control("totals").rebuildingAt(39)).isTrue();
        assertThat(leases.control("totals").rebuildingAt(40)).isFalse();
        assertThat(leases.holder("totals")).contains(leases.claim("totals", "node-a", LEASE).orElseThrow());
        assertThat(leases.holder("totals").orElseThrow().token()).isEqualTo(lease.token());
    }

    @Test
    void aTakeOverWaitsForTheBatchRunningUnderTheLeaseItTakesOver() throws Exception {
        ProjectionLease lease = leases.claim("totals", "node-a", LEASE).orElseThrow();
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> batch = CompletableFuture.supplyAsync(() -> leases.applyBatch(lease, 0, events(1),
                event -> {
                    applying.countDown();
                    await(release);
                }));
        assertThat(applying.await(20, TimeUnit.SECONDS)).isTrue();
        clock.advance(LEASE);

        CompletableFuture<Optional<ProjectionLease>> takeOver = CompletableFuture.supplyAsync(
                () -> leases.claim("totals", "node-b", LEASE));
        try {
            assertThat(catchTimeout(takeOver)).as("the take-over waits for the batch").isTrue();
        } finally {
            release.countDown();
        }

        assertThat(batch.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(takeOver.get(20, TimeUnit.SECONDS)).isPresent();
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(1);
    }

    /** Whether {@code future} is still not done after a moment: it waits for something. */
    private static boolean catchTimeout(CompletableFuture<?> future) throws Exception {
        try {
            future.get(300, TimeUnit.MILLISECONDS);
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            return true;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<EventEnvelope> events(long... positions) {
        List<EventEnvelope> events = new ArrayList<>(positions.length);
        for (long position : positions) {
            events.add(new EventEnvelope(EventIds.next(), "stream", position, position,
                    EventStoreConformanceSupport.TYPE_NAME, EventStoreConformanceSupport.SCHEMA_VERSION, RECORDED,
                    null, null, Map.of(), new ConformanceEvent("at " + position, (int) position)));
        }
        return events;
    }
}
