package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.spi.checkpoint.CheckpointStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where tracking projections keep their checkpoints: zero at first, moved by each applied batch, kept per
 * projection, set back to zero by a reset, and after a failing batch left where the applied effects are.
 * Every checkpoint store must pass it.
 *
 * <p>A store runs the suite by extending this class: {@link #createCheckpointStore()} returns a new store
 * holding no checkpoints, and {@link #rollsBackFailedBatches()} says which of the two outcomes the SPI allows
 * for a failing batch the store gives.
 */
public abstract class CheckpointStoreConformanceTest {

    private static final Instant RECORDED = Instant.parse("2026-01-01T00:00:00Z");

    /** The store under test, new for each test. */
    protected CheckpointStore checkpoints;

    /** Returns a new store holding no checkpoints. */
    protected abstract CheckpointStore createCheckpointStore();

    /**
     * Whether the store applies a batch in a transaction: {@code true}, a failing batch is rolled back and
     * leaves the previous checkpoint; {@code false}, the checkpoint is the last event applied before the failure.
     */
    protected abstract boolean rollsBackFailedBatches();

    /** Releases a store made by {@link #createCheckpointStore()}; does nothing by default. */
    protected void closeCheckpointStore(CheckpointStore store) {
    }

    @BeforeEach
    final void openCheckpointStore() {
        checkpoints = requireNonNull(createCheckpointStore(), "createCheckpointStore() returned null");
    }

    @AfterEach
    final void closeCheckpointStoreUnderTest() {
        if (checkpoints != null) {
            closeCheckpointStore(checkpoints);
        }
    }

    @Test
    void aProjectionThatNeverRanIsAtZero() {
        assertThat(checkpoints.checkpoint("never-ran")).isZero();
    }

    @Test
    void aBatchIsAppliedInOrderAndItsLastPositionBecomesTheCheckpoint() {
        List<Long> applied = new ArrayList<>();

        checkpoints.applyBatch("totals", 0, events(3, 5, 9), event -> applied.add(event.globalPosition()));

        assertThat(applied).containsExactly(3L, 5L, 9L);
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(9);
    }

    @Test
    void eachBatchMovesTheCheckpointOn() {
        checkpoints.applyBatch("totals", 0, events(1, 2), ignore());
        checkpoints.applyBatch("totals", 2, events(3, 4, 5), ignore());

        assertThat(checkpoints.checkpoint("totals")).isEqualTo(5);
    }

    @Test
    void anEmptyBatchLeavesTheCheckpointWhereItWas() {
        checkpoints.applyBatch("totals", 0, events(1, 2), ignore());
        checkpoints.applyBatch("totals", 2, List.of(), ignore());

        assertThat(checkpoints.checkpoint("totals")).isEqualTo(2);
    }

    @Test
    void checkpointsAreKeptPerProjection() {
        checkpoints.applyBatch("totals", 0, events(1, 2, 3), ignore());
        checkpoints.applyBatch("history", 0, events(1), ignore());

        assertThat(checkpoints.checkpoint("totals")).isEqualTo(3);
        assertThat(checkpoints.checkpoint("history")).isEqualTo(1);
        assertThat(checkpoints.checkpoint("other")).isZero();
    }

    @Test
    void aResetRunsItsWorkAndSetsOnlyItsProjectionBackToZero() {
        checkpoints.applyBatch("totals", 0, events(1, 2, 3), ignore());
        checkpoints.applyBatch("history", 0, events(1, 2), ignore());
        List<String> reset = new ArrayList<>();

        checkpoints.reset("totals", () -> reset.add("totals"));

        assertThat(reset).containsExactly("totals");
        assertThat(checkpoints.checkpoint("totals")).isZero();
        assertThat(checkpoints.checkpoint("history")).isEqualTo(2);
        checkpoints.applyBatch("totals", 0, events(1), ignore());
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(1);
    }

    @Test
    void aProjectionThatNeverRanCanBeReset() {
        List<String> reset = new ArrayList<>();

        checkpoints.reset("never-ran", () -> reset.add("never-ran"));

        assertThat(reset).containsExactly("never-ran");
        assertThat(checkpoints.checkpoint("never-ran")).isZero();
    }

    @Test
    void aFailingResetPropagatesAndLeavesTheCheckpoint() {
        checkpoints.applyBatch("totals", 0, events(1, 2), ignore());
        IllegalStateException failure = new IllegalStateException("read model gone");

        Throwable thrown = catchThrowable(() -> checkpoints.reset("totals", () -> {
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(2);
    }

    @Test
    void aFailingBatchPropagatesAndLeavesTheCheckpointWhereTheAppliedEffectsAre() {
        checkpoints.applyBatch("totals", 0, events(1, 2), ignore());
        IllegalStateException failure = new IllegalStateException("handler broke");
        List<Long> applied = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> checkpoints.applyBatch("totals", 2, events(3, 4, 5), event -> {
            if (event.globalPosition() == 5) {
                throw failure;
            }
            applied.add(event.globalPosition());
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(applied).containsExactly(3L, 4L);
        assertThat(checkpoints.checkpoint("totals")).as(rollsBackFailedBatches()
                ? "rolled back to the previous checkpoint" : "kept up to the last event applied")
                .isEqualTo(rollsBackFailedBatches() ? 2 : 4);
    }

    @Test
    void aBatchReadAfterAnotherPositionThanTheCheckpointAppliesNothingAndTellsWhereTheCheckpointIs() {
        assertThat(checkpoints.applyBatch("totals", 0, events(1, 2, 3), ignore())).isEqualTo(3);
        List<Long> applied = new ArrayList<>();

        long found = checkpoints.applyBatch("totals", 1, events(2, 3, 4), event -> applied.add(event.globalPosition()));

        assertThat(found).isEqualTo(3);
        assertThat(applied).isEmpty();
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(3);
    }

    @Test
    void aCheckpointMovedBackByAResetIsHonouredByABatchReadBefore() {
        checkpoints.applyBatch("totals", 0, events(1, 2, 3, 4, 5), ignore());
        checkpoints.reset("totals", () -> { });
        List<Long> applied = new ArrayList<>();

        assertThat(checkpoints.applyBatch("totals", 5, events(6, 7), event -> applied.add(event.globalPosition())))
                .isZero();
        assertThat(applied).isEmpty();
        assertThat(checkpoints.applyBatch("totals", 0, events(1, 2), event -> applied.add(event.globalPosition())))
                .isEqualTo(2);
        assertThat(applied).containsExactly(1L, 2L);
    }

    @Test
    void ofTwoBatchesReadAfterOnePositionAtTheSameTimeOnlyOneIsApplied() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(() -> checkpoints.applyBatch("totals", 0, events(1, 2), event -> {
                applied.add(event.globalPosition());
                reached.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
            var second = threads.submit(() -> checkpoints.applyBatch("totals", 0, events(1, 2),
                    event -> applied.add(-event.globalPosition())));
            release.countDown();

            assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(applied).containsExactly(1L, 2L);
        assertThat(checkpoints.checkpoint("totals")).isEqualTo(2);
    }

    /** Events at the given global positions, of one stream. */
    protected static List<EventEnvelope> events(long... positions) {
        List<EventEnvelope> events = new ArrayList<>(positions.length);
        for (long position : positions) {
            events.add(new EventEnvelope(EventIds.next(), "stream", position, position,
                    EventStoreConformanceSupport.TYPE_NAME, EventStoreConformanceSupport.SCHEMA_VERSION, RECORDED,
                    null, null, Map.of(), new ConformanceEvent("at " + position, (int) position)));
        }
        return events;
    }

    private static Consumer<EventEnvelope> ignore() {
        return event -> { };
    }
}
