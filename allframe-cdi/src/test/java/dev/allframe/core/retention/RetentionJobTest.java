package dev.allframe.core.retention;

import static dev.allframe.spi.event.AppendCondition.any;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.config.RetentionSettings;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.conformance.ConformanceTransfer;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.IdempotencyKeys;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetentionJobTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final RetentionSettings SETTINGS = new RetentionSettings(Optional.of(DAY),
            Optional.of(Duration.ofDays(30)), HOUR, 1000);

    private final ManualTimer timer = new ManualTimer();
    private final InMemoryEventStore store = new InMemoryEventStore(timer.clock());
    private final InMemorySagaStore sagas = new InMemorySagaStore();
    private final RecordingKeys keys = new RecordingKeys(store);
    private final LogCapture log = LogCapture.of(RetentionJob.class);
    private RetentionJob job;

    @AfterEach
    void stop() {
        if (job != null) {
            job.close();
        }
        log.close();
    }

    @Test
    void theFirstRunComesWithinFiveMinutesAndTheNextEveryInterval() {
        start(SETTINGS);

        assertThat(timer.pending()).containsExactly(Duration.ofMinutes(5));
        timer.advance(Duration.ofMinutes(5));
        assertThat(keys.calls).hasSize(2);
        assertThat(timer.pending()).containsExactly(HOUR);
        timer.advance(HOUR);
        assertThat(keys.calls).hasSize(4);

        RetentionJob often = new RetentionJob(new RetentionSettings(Optional.of(DAY), Optional.empty(),
                Duration.ofSeconds(10), 10), keys, Optional.of(sagas), timer, Runnable::run, timer.clock());
        often.start();
        assertThat(timer.pending()).contains(Duration.ofSeconds(10));
        often.close();
    }

    @Test
    void keysWhoseRetentionPassedAreRemovedInBatchesAndTheRemovalIsLogged() {
        for (int i = 0; i < 2500; i++) {
            appendWithKey("k-" + i, null);
        }
        appendWithKey("scoped", "scope-1");
        store.closeScope("scope-1");
        timer.advance(Duration.ofHours(23));
        start(SETTINGS);

        timer.advance(Duration.ofMinutes(5));
        assertThat(keys.removedBatches()).as("not yet a day old").isEmpty();
        assertThat(log.lines()).containsExactly("FINE AF1202: Retention removed 0 idempotency keys, 0 closed"
                + " idempotency scopes (each with its keys) and 0 finished sagas (each with its history)");
        timer.advance(HOUR);

        assertThat(keys.removedBatches()).containsExactly("scopes 1", "keys 1000", "keys 1000", "keys 500");
        assertThat(keys.calls).allSatisfy(call -> assertThat(call).contains(" limit 1000 "));
        assertThat(store.findByIdempotencyKey("k-2499")).isEmpty();
        assertThat(store.findByIdempotencyKey("scoped")).isEmpty();
        assertThat(log.lines()).last().isEqualTo("INFO AF1202: Retention removed 2500 idempotency keys, 1 closed"
                + " idempotency scope (each with its keys) and 0 finished sagas (each with its history)");
    }

    @Test
    void anErrorFromTheStoreIsLoggedAndTheNextRunStillComes() {
        appendWithKey("k-1", null);
        timer.advance(DAY);
        keys.failNext = new Error("disk gone");
        start(SETTINGS);

        timer.advance(Duration.ofMinutes(5));

        assertThat(log.lines()).containsExactly("WARNING AF1190: Retention failed, and runs again in 1h; what it"
                + " removed before stays removed, the rest is kept until then: java.lang.Error: disk gone");
        assertThat(log.records().get(0).getThrown()).hasMessage("disk gone");
        assertThat(store.findByIdempotencyKey("k-1")).isPresent();
        assertThat(timer.pending()).containsExactly(HOUR);

        timer.advance(HOUR);

        assertThat(store.findByIdempotencyKey("k-1")).isEmpty();
        assertThat(log.lines()).last().asString().startsWith("INFO AF1202: Retention removed 1 idempotency key,");
    }

    @Test
    void anExecutorRefusingTheRunStopsTheJob() {
        job = new RetentionJob(SETTINGS, keys, Optional.of(sagas), timer, task -> {
            throw new RejectedExecutionException("stopping");
        }, timer.clock());
        job.start();

        timer.advance(Duration.ofMinutes(5));

        assertThat(timer.pending()).isEmpty();
        assertThat(keys.calls).isEmpty();
    }

    @Test
    void anUnfinishedSagasKeysAndClosedScopesSurviveTheJobUntilItFinishes() {
        SagaRecord saga = saga(SagaState.RUNNING);
        sagas.save(saga, null);
        appendWithKey(saga.id() + ":1:append-1", saga.id() + ":1:execute");
        appendWithKey(saga.id() + ":2:append-1", saga.id() + ":2:execute");
        store.closeScope(saga.id() + ":2:execute");
        appendWithKey("other", null);
        timer.advance(Duration.ofHours(2));
        Instant sagaStarted = saga.started();
        start(new RetentionSettings(Optional.of(HOUR), Optional.of(HOUR), HOUR, 1000));

        timer.advance(Duration.ofMinutes(5));

        assertThat(store.findByIdempotencyKey(saga.id() + ":1:append-1")).isPresent();
        assertThat(store.findByIdempotencyKey(saga.id() + ":2:append-1")).isPresent();
        assertThat(store.closeScope(saga.id() + ":2:execute")).hasSize(1);
        assertThat(store.findByIdempotencyKey("other")).as("stored after the saga started, less an hour").isPresent();
        assertThat(log.lines()).first().isEqualTo("WARNING AF1191: Idempotency keys and closed scopes stored since "
                + sagaStarted.minus(HOUR) + " are kept beyond their retention of 1h: a saga that started at "
                + sagaStarted + " is still unfinished (running or compensating) and may need them; they are removed"
                + " once no saga that old is unfinished");

        sagas.save(saga.at(SagaState.COMPENSATED, 2, timer.clock().instant()), null);
        timer.advance(HOUR);

        assertThat(store.findByIdempotencyKey(saga.id() + ":1:append-1")).isEmpty();
        assertThat(store.findByIdempotencyKey(saga.id() + ":2:append-1")).isEmpty();
        assertThat(store.findByIdempotencyKey("other")).isEmpty();
        assertThat(sagas.find(saga.id())).as("finished only an hour ago").isPresent();
        timer.advance(HOUR);
        assertThat(sagas.find(saga.id())).isEmpty();
    }

    @Test
    void finishedSagasWhoseRetentionPassedAreRemovedWithTheirHistoriesUnfinishedOnesStay() {
        SagaRecord done = saga(SagaState.COMPLETED);
        SagaRecord running = saga(SagaState.RUNNING);
        sagas.save(done, new SagaLogEntry(1, 1, "hold", SagaLogEntry.Action.EXECUTE,
                SagaLogEntry.Result.SUCCEEDED, null, done.started(), done.started()));
        sagas.save(running, null);
        timer.advance(Duration.ofDays(30));
        start(SETTINGS);

        timer.advance(Duration.ofMinutes(5));

        assertThat(sagas.find(done.id())).isEmpty();
        assertThat(sagas.history(done.id())).isEmpty();
        assertThat(sagas.find(running.id())).contains(running);
        assertThat(log.lines()).last().isEqualTo("INFO AF1202: Retention removed 0 idempotency keys, 0 closed"
                + " idempotency scopes (each with its keys) and 1 finished saga (each with its history)");
    }

    @Test
    void foreverKeepsEverythingAndThenTheJobDoesNotRun() {
        appendWithKey("k-1", null);
        SagaRecord done = saga(SagaState.COMPLETED);
        sagas.save(done, null);

        RetentionJob sagasOnly = new RetentionJob(new RetentionSettings(Optional.empty(), Optional.of(DAY), HOUR,
                1000), keys, Optional.of(sagas), timer, Runnable::run, timer.clock());
        assertThat(sagasOnly.start()).isTrue();
        timer.advance(Duration.ofDays(2));
        sagasOnly.close();
        assertThat(keys.calls).isEmpty();
        assertThat(store.findByIdempotencyKey("k-1")).isPresent();
        assertThat(sagas.find(done.id())).isEmpty();

        RetentionJob nothing = new RetentionJob(new RetentionSettings(Optional.empty(), Optional.empty(), HOUR,
                1000), keys, Optional.of(sagas), timer, Runnable::run, timer.clock());
        assertThat(nothing.start()).isFalse();
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void aClosedJobRunsNoMore() {
        appendWithKey("k-1", null);
        start(SETTINGS);

        job.close();
        timer.advance(Duration.ofDays(2));

        assertThat(timer.pending()).isEmpty();
        assertThat(keys.calls).isEmpty();
        assertThat(store.findByIdempotencyKey("k-1")).isPresent();
    }

    private void start(RetentionSettings settings) {
        job = new RetentionJob(settings, keys, Optional.of(sagas), timer, Runnable::run, timer.clock());
        job.start();
    }

    private void appendWithKey(String key, String scope) {
        store.append(new AppendRequest("stream", any(), List.of(), key, scope));
    }

    private SagaRecord saga(SagaState state) {
        Instant now = timer.clock().instant();
        UUID id = EventIds.next();
        return new SagaRecord(id, "transfer", state, 1, 2, new ConformanceTransfer("A", "B", 1), Map.of(), 0, null,
                "process-1", now.plusSeconds(30), now, now);
    }

    /** The store's keys, recording each prune and failing once when told to. */
    private static final class RecordingKeys implements IdempotencyKeys {

        private final IdempotencyKeys store;
        private final List<String> calls = new ArrayList<>();
        private Error failNext;

        RecordingKeys(IdempotencyKeys store) {
            this.store = store;
        }

        List<String> removedBatches() {
            return calls.stream().filter(call -> !call.endsWith(" 0")).map(call -> call.replaceAll(" limit \\d+", ""))
                    .toList();
        }

        @Override
        public Optional<AppendResult> findByIdempotencyKey(String key) {
            return store.findByIdempotencyKey(key);
        }

        @Override
        public List<AppendResult> closeScope(String scope) {
            return store.closeScope(scope);
        }

        @Override
        public int pruneIdempotencyKeys(Instant before, int limit) {
            failIfTold();
            int removed = store.pruneIdempotencyKeys(before, limit);
            calls.add("keys limit " + limit + " " + removed);
            return removed;
        }

        @Override
        public int pruneClosedScopes(Instant before, int limit) {
            failIfTold();
            int removed = store.pruneClosedScopes(before, limit);
            calls.add("scopes limit " + limit + " " + removed);
            return removed;
        }

        private void failIfTold() {
            Error failure = failNext;
            failNext = null;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
