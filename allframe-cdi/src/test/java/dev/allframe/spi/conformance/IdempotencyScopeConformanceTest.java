package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idempotency scopes: closing one tells what was stored with it and keeps anything more of it from being stored,
 * also against appends racing the close. Every event store must pass it; see {@link EventStoreConformanceSupport}.
 */
public abstract class IdempotencyScopeConformanceTest extends EventStoreConformanceSupport {

    private static final int RACING_THREADS = 8;

    @Test
    void closingAScopeGivesWhatWasStoredWithItInOrder() {
        AppendResult first = appendInScope("a", newEvents("first", 2), "k-1", "step-1");
        appendInScope("b", newEvents("elsewhere", 1), "k-x", "step-2");
        AppendResult second = appendInScope("c", newEvents("second", 1), "k-2", "step-1");

        List<AppendResult> closed = store.closeScope("step-1");

        assertThat(closed).containsExactly(first.asDuplicate(), second.asDuplicate());
        assertThat(store.closeScope("step-1")).as("closed again").isEqualTo(closed);
        assertThat(store.closeScope("step-2")).extracting(AppendResult::streamId).containsExactly("b");
    }

    @Test
    void anAppendInAClosedScopeIsRefusedAndStoresNothing() {
        appendInScope("a", newEvents("before", 1), "k-1", "step-1");
        assertThat(store.closeScope("step-1")).hasSize(1);
        List<EventEnvelope> log = readWholeLog();

        assertThatThrownBy(() -> appendInScope("a", newEvents("late", 1), "k-2", "step-1"))
                .isInstanceOf(IdempotencyScopeClosedException.class)
                .hasMessage("AF1181: Append to stream 'a' refused: its idempotency scope 'step-1' was closed (a saga"
                        + " compensated the step execution it belongs to); nothing was stored");

        assertThat(readWholeLog()).isEqualTo(log);
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(store.findByIdempotencyKey("k-2")).isEmpty();
        assertThat(store.closeScope("step-1")).hasSize(1);
        AppendResult appendedBefore = appendInScope("a", newEvents("before", 1), "k-1", "step-1");
        assertThat(appendedBefore.duplicate()).as("a key stored before the close is a duplicate").isTrue();
        assertThat(appendInScope("b", newEvents("other", 1), "k-3", "step-2").duplicate()).isFalse();
    }

    @Test
    void aScopeClosedBeforeAnythingWasStoredWithItRefusesEverything() {
        assertThat(store.closeScope("never-ran")).isEmpty();

        assertThatThrownBy(() -> appendInScope("a", List.of(), "k-1", "never-ran"))
                .isInstanceOf(IdempotencyScopeClosedException.class);
        assertThatThrownBy(() -> appendInScope("a", newEvents("late", 3), "k-2", "never-ran"))
                .isInstanceOf(IdempotencyScopeClosedException.class);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aScopeNeedsAKey() {
        assertThatThrownBy(() -> new AppendRequest("a", any(), newEvents("x", 1), null, "step-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AF1180: The append to stream 'a' has the idempotency scope 'step-1' but no idempotency"
                        + " key: a scope groups keys");
    }

    /**
     * Appends in one scope race its close, which comes once some were stored: each was stored before it, and is in
     * its answer, or is refused.
     */
    @Test
    void appendsRacingTheCloseAreEitherInItsAnswerOrRefused() throws Exception {
        List<Object> outcomes = runConcurrently(RACING_THREADS + 1, thread -> () -> {
            if (thread == RACING_THREADS) {
                while (store.headPosition() < RACING_THREADS) {
                    Thread.onSpinWait();
                }
                return store.closeScope("racing");
            }
            List<Object> mine = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                try {
                    mine.add(appendInScope("s-" + thread, List.of(newEvent("t" + thread + "-" + i, i)),
                            "k-" + thread + "-" + i, "racing"));
                } catch (IdempotencyScopeClosedException refused) {
                    mine.add(refused);
                }
            }
            return mine;
        });

        List<AppendResult> closedWith = castList(outcomes.get(RACING_THREADS));
        List<EventEnvelope> stored = readWholeLog();
        assertThat(closedWith.stream().flatMap(r -> r.events().stream()).toList())
                .as("what the close answered is exactly what was stored").isEqualTo(stored);
        assertThat(store.closeScope("racing")).isEqualTo(closedWith);
        for (int thread = 0; thread < RACING_THREADS; thread++) {
            List<Object> mine = castList(outcomes.get(thread));
            int storedOfThread = (int) mine.stream().filter(AppendResult.class::isInstance).count();
            assertThat(mine.subList(storedOfThread, mine.size())).as("after a refusal, all of thread %d's are", thread)
                    .allMatch(IdempotencyScopeClosedException.class::isInstance);
            assertThat(readWholeStream("s-" + thread)).hasSize(storedOfThread);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object list) {
        return (List<T>) list;
    }

    private AppendResult appendInScope(String streamId, List<NewEvent> events, String key, String scope) {
        return store.append(new AppendRequest(streamId, any(), events, key, scope));
    }
}
