package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static dev.allframe.spi.event.AppendCondition.noStream;
import static dev.allframe.spi.event.AppendCondition.streamVersionEq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys: a repeated key gives back the first append's result and stores nothing, also when
 * appends with one key race. Every event store must pass it; see {@link EventStoreConformanceSupport}.
 */
public abstract class EventStoreIdempotencyConformanceTest extends EventStoreConformanceSupport {

    private static final int RACING_THREADS = 8;
    private static final int RACE_ROUNDS = 10;

    @Test
    void repeatedKeyReturnsFirstResultAsDuplicateAndStoresNothing() {
        List<NewEvent> events = newEvents("once", 2);
        AppendResult first = appendWithKey("s", noStream(), events, "key-1");
        List<EventEnvelope> logAfterFirst = readWholeLog();

        AppendResult second = appendWithKey("s", any(), events, "key-1");

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.streamId()).isEqualTo("s");
        assertThat(second.streamVersion()).isEqualTo(2);
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second).isEqualTo(first.asDuplicate());
        assertThat(readWholeLog()).isEqualTo(logAfterFirst).hasSize(2);
        assertThat(store.streamVersion("s")).isEqualTo(2);
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void repeatedKeyIsDuplicateEvenWhenItsConditionWouldNowFail() {
        AppendResult first = appendWithKey("s", noStream(), newEvents("created", 1), "create-s");
        appendAny("s", newEvents("later", 2));

        AppendResult retried = appendWithKey("s", noStream(), newEvents("created", 1), "create-s");
        AppendResult retriedWithStaleVersion = appendWithKey("s", streamVersionEq(7), newEvents("x", 1), "create-s");

        assertThat(retried).isEqualTo(first.asDuplicate());
        assertThat(retriedWithStaleVersion).isEqualTo(first.asDuplicate());
        assertThat(retried.streamVersion()).isEqualTo(1);
        assertThat(store.streamVersion("s")).isEqualTo(3);
        assertThat(store.headPosition()).isEqualTo(3);
    }

    @Test
    void repeatedKeyWithDifferentEventsStoresNothing() {
        AppendResult first = appendWithKey("s", any(), newEvents("first", 1), "key");

        AppendResult second = appendWithKey("s", any(), newEvents("different", 3), "key");

        assertThat(second).isEqualTo(first.asDuplicate());
        assertThat(second.events()).extracting(EventEnvelope::event)
                .containsExactly(new ConformanceEvent("first-0", 0));
        assertThat(readWholeLog()).isEqualTo(first.events());
        assertThat(store.streamVersion("s")).isEqualTo(1);
    }

    @Test
    void idempotencyKeyIsKnownAcrossStreams() {
        AppendResult first = appendWithKey("s", any(), newEvents("first", 1), "shared-key");

        AppendResult elsewhere = appendWithKey("t", any(), newEvents("elsewhere", 1), "shared-key");

        assertThat(elsewhere).isEqualTo(first.asDuplicate());
        assertThat(elsewhere.streamId()).isEqualTo("s");
        assertThat(store.streamVersion("t")).isZero();
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void appendsWithDifferentKeysAreBothStored() {
        AppendResult first = appendWithKey("s", any(), newEvents("first", 1), "key-a");
        AppendResult second = appendWithKey("s", any(), newEvents("second", 1), "key-b");

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isFalse();
        assertThat(second.streamVersion()).isEqualTo(2);
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void findByIdempotencyKeyReturnsFirstResultAsDuplicate() {
        appendAny("noise", newEvents("noise", 1));
        AppendResult first = appendWithKey("s", noStream(), newEvents("keyed", 2), "find-me");
        appendWithKey("s", any(), newEvents("ignored", 1), "find-me");

        Optional<AppendResult> found = store.findByIdempotencyKey("find-me");

        assertThat(found).contains(first.asDuplicate());
        assertThat(found.orElseThrow().duplicate()).isTrue();
        assertThat(found.orElseThrow().events()).extracting(EventEnvelope::globalPosition).containsExactly(2L, 3L);
    }

    @Test
    void findByIdempotencyKeyIsEmptyForUnknownKey() {
        appendWithKey("s", any(), newEvents("keyed", 1), "known");
        appendAny("s", newEvents("unkeyed", 1));

        assertThat(store.findByIdempotencyKey("unknown")).isEmpty();
        assertThat(store.findByIdempotencyKey("KNOWN")).isEmpty();
    }

    @Test
    void keyOfEmptyAppendIsRecorded() {
        appendAny("s", newEvents("existing", 1));

        AppendResult empty = appendWithKey("s", any(), List.of(), "empty-key");
        AppendResult repeated = appendWithKey("s", any(), newEvents("after", 2), "empty-key");

        assertThat(empty).isEqualTo(new AppendResult("s", 1, List.of(), false));
        assertThat(repeated).isEqualTo(new AppendResult("s", 1, List.of(), true));
        assertThat(store.findByIdempotencyKey("empty-key")).contains(new AppendResult("s", 1, List.of(), true));
        assertThat(store.streamVersion("s")).isEqualTo(1);
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void refusedAppendDoesNotRecordItsKey() {
        appendAny("s", newEvents("existing", 1));

        conflictOf(() -> appendWithKey("s", noStream(), newEvents("refused", 1), "retry-key"));

        assertThat(store.findByIdempotencyKey("retry-key")).isEmpty();
        AppendResult retried = appendWithKey("s", streamVersionEq(1), newEvents("accepted", 1), "retry-key");
        assertThat(retried.duplicate()).isFalse();
        assertThat(retried.streamVersion()).isEqualTo(2);
        assertThat(retried.events()).extracting(EventEnvelope::event)
                .containsExactly(new ConformanceEvent("accepted-0", 0));
        assertThat(store.findByIdempotencyKey("retry-key")).contains(retried.asDuplicate());
    }

    @Test
    void racingAppendsWithOneKeyStoreOnlyOne() throws InterruptedException {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String streamId = "race-" + round;
            String key = "race-key-" + round;

            List<AppendResult> results = runConcurrently(RACING_THREADS,
                    thread -> () -> appendWithKey(streamId, any(), List.of(newEvent("thread-" + thread, thread)), key));

            List<EventEnvelope> stored = readWholeStream(streamId);
            assertThat(stored).as("events stored in round %d", round).hasSize(1);
            ConformanceEvent winner = stored.get(0).event(ConformanceEvent.class);
            assertThat(winner.text()).isEqualTo("thread-" + winner.number());
            assertThat(winner.number()).isBetween(0, RACING_THREADS - 1);
            assertThat(store.streamVersion(streamId)).isEqualTo(1);
            assertThat(results).as("results of round %d", round)
                    .allSatisfy(result -> {
                        assertThat(result.streamId()).isEqualTo(streamId);
                        assertThat(result.streamVersion()).isEqualTo(1);
                        assertThat(result.events()).isEqualTo(stored);
                    })
                    .filteredOn(result -> !result.duplicate()).hasSize(1);
            assertThat(results.get(winner.number()).duplicate()).as("duplicate flag of the stored event's thread")
                    .isFalse();
            assertThat(store.findByIdempotencyKey(key)).contains(new AppendResult(streamId, 1, stored, true));
        }
        assertRacedPositions(readWholeLog(), RACE_ROUNDS);
    }
}
