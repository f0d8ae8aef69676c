package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys and closed scopes removed once their retention passed: a key stored before the instant given is
 * removed, at most as many at once as asked, and is unknown from then on, so the same append is stored again; a key
 * of a closed scope stays as long as its scope, and goes with it; several processes removing at once remove each
 * once. Every event store must pass it: {@link #createStore(Clock)} returns a new, empty store that times its appends
 * and closes by the clock it is given.
 */
public abstract class IdempotencyRetentionConformanceTest extends EventStoreConformanceSupport {

    private static final Duration HOUR = Duration.ofHours(1);

    /** The time of the store under test, moved by the tests. */
    protected final MutableClock clock = new MutableClock();

    /** Returns a new store holding no events or keys, whose appends and closes take their time from {@code clock}. */
    protected abstract EventStore createStore(Clock clock);

    @Override
    protected final EventStore createStore() {
        return createStore(clock);
    }

    @Test
    void aKeyStoredBeforeTheInstantIsRemovedAndTheSameAppendIsThenStoredAgain() {
        AppendResult first = appendWithKey("a", any(), newEvents("deposit", 1), "k-old");
        clock.advance(HOUR);
        appendWithKey("b", any(), newEvents("later", 1), "k-new");

        int removed = store.pruneIdempotencyKeys(clock.instant(), 100);

        assertThat(removed).isEqualTo(1);
        assertThat(store.findByIdempotencyKey("k-old")).as("the removed key").isEmpty();
        assertThat(store.findByIdempotencyKey("k-new")).as("the key stored at the instant").isPresent();
        assertThat(readWholeStream("a")).as("the events stay").isEqualTo(first.events());
        AppendResult again = appendWithKey("a", any(), newEvents("deposit", 1), "k-old");
        assertThat(again.duplicate()).as("the same append once its key is gone").isFalse();
        assertThat(readWholeStream("a")).hasSize(2);
        assertThat(appendWithKey("a", any(), newEvents("deposit", 1), "k-old").duplicate()).isTrue();
    }

    @Test
    void aKeyStoredAtOrAfterTheInstantStays() {
        appendWithKey("a", any(), newEvents("x", 1), "k-1");
        Instant stored = clock.instant();

        assertThat(store.pruneIdempotencyKeys(stored, 100)).isZero();
        assertThat(store.pruneIdempotencyKeys(stored.minus(HOUR), 100)).isZero();

        assertThat(store.findByIdempotencyKey("k-1")).isPresent();
        assertThat(appendWithKey("a", any(), newEvents("x", 1), "k-1").duplicate()).isTrue();
    }

    @Test
    void aPruneRemovesAtMostTheLimitOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            appendWithKey("s-" + i, any(), i % 2 == 0 ? List.of() : newEvents("e" + i, 1), "k-" + i);
            clock.advance(Duration.ofMinutes(1));
        }
        Instant before = clock.instant();

        assertThat(store.pruneIdempotencyKeys(before, 2)).isEqualTo(2);
        assertThat(store.findByIdempotencyKey("k-1")).isEmpty();
        assertThat(store.findByIdempotencyKey("k-2")).isEmpty();
        assertThat(store.findByIdempotencyKey("k-3")).isPresent();
        assertThat(store.pruneIdempotencyKeys(before, 2)).isEqualTo(2);
        assertThat(store.pruneIdempotencyKeys(before, 2)).isEqualTo(1);
        assertThat(store.pruneIdempotencyKeys(before, 2)).isZero();
        assertThat(store.findByIdempotencyKey("k-5")).isEmpty();
        assertThat(readWholeLog()).hasSize(3);
    }

    @Test
    void aKeyOfAnOpenScopeIsRemovedByItsAge() {
        appendInScope("a", newEvents("step", 1), "k-1", "saga-1:1:execute");
        clock.advance(HOUR);

        assertThat(store.pruneIdempotencyKeys(clock.instant(), 100)).isEqualTo(1);

        assertThat(store.findByIdempotencyKey("k-1")).isEmpty();
        assertThat(store.closeScope("saga-1:1:execute")).as("nothing is known of the scope any more").isEmpty();
    }

    @Test
    void aKeyOfAClosedScopeStaysUntilItsScopeIsRemovedAndGoesWithIt() {
        AppendResult stored = appendInScope("a", newEvents("step", 1), "k-1", "saga-1:1:execute");
        appendWithKey("b", any(), newEvents("other", 1), "k-2");
        clock.advance(Duration.ofMinutes(1));
        store.closeScope("saga-1:1:execute");
        clock.advance(HOUR);

        assertThat(store.pruneIdempotencyKeys(clock.instant(), 100)).as("k-2 only").isEqualTo(1);
        assertThat(store.findByIdempotencyKey("k-1")).isPresent();
        assertThat(store.closeScope("saga-1:1:execute")).containsExactly(stored.asDuplicate());
        assertThatThrownBy(() -> appendInScope("a", newEvents("late", 1), "k-3", "saga-1:1:execute"))
                .isInstanceOf(IdempotencyScopeClosedException.class);

        assertThat(store.pruneClosedScopes(clock.instant(), 100)).isEqualTo(1);

        assertThat(store.findByIdempotencyKey("k-1")).as("removed with its scope").isEmpty();
        assertThat(store.closeScope("saga-1:1:execute")).as("the scope, unknown, closes again empty").isEmpty();
    }

    /** What the window means: once a closed scope is removed, an append carrying it is no longer refused. */
    @Test
    void aRemovedScopeNoLongerRefusesAppends() {
        appendInScope("a", newEvents("step", 1), "k-1", "saga-1:1:execute");
        store.closeScope("saga-1:1:execute");
        clock.advance(HOUR);

        assertThat(store.pruneClosedScopes(clock.instant(), 100)).isEqualTo(1);

        AppendResult late = appendInScope("a", newEvents("late", 1), "k-2", "saga-1:1:execute");
        assertThat(late.duplicate()).isFalse();
        assertThat(readWholeStream("a")).hasSize(2);
    }

    @Test
    void aScopeClosedAtOrAfterTheInstantStaysWithItsKeys() {
        appendInScope("a", newEvents("step", 1), "k-1", "saga-1:1:execute");
        clock.advance(HOUR);
        store.closeScope("saga-1:1:execute");
        Instant closed = clock.instant();

        assertThat(store.pruneClosedScopes(closed, 100)).isZero();
        assertThat(store.pruneIdempotencyKeys(closed.plus(HOUR), 100)).isZero();

        assertThat(store.findByIdempotencyKey("k-1")).isPresent();
        assertThatThrownBy(() -> appendInScope("a", newEvents("late", 1), "k-2", "saga-1:1:execute"))
                .isInstanceOf(IdempotencyScopeClosedException.class);
    }

    @Test
    void aScopeClosedTwiceIsRemovedByItsFirstClose() {
        appendInScope("a", newEvents("step", 1), "k-1", "scope");
        store.closeScope("scope");
        Instant firstClose = clock.instant();
        clock.advance(HOUR);
        store.closeScope("scope");

        assertThat(store.pruneClosedScopes(firstClose.plusSeconds(1), 100)).isEqualTo(1);
        assertThat(store.findByIdempotencyKey("k-1")).isEmpty();
    }

    @Test
    void aPruneRemovesAtMostTheLimitOfScopesEachWithAllItsKeys() {
        for (int i = 1; i <= 3; i++) {
            appendInScope("a", newEvents("s" + i, 1), "k-" + i + "-1", "scope-" + i);
            appendInScope("a", List.of(), "k-" + i + "-2", "scope-" + i);
            store.closeScope("scope-" + i);
            clock.advance(Duration.ofMinutes(1));
        }
        Instant before = clock.instant();

        assertThat(store.pruneClosedScopes(before, 2)).isEqualTo(2);
        assertThat(store.findByIdempotencyKey("k-1-1")).isEmpty();
        assertThat(store.findByIdempotencyKey("k-2-2")).isEmpty();
        assertThat(store.findByIdempotencyKey("k-3-1")).isPresent();
        assertThat(store.pruneClosedScopes(before, 2)).isEqualTo(1);
        assertThat(store.pruneClosedScopes(before, 2)).isZero();
        assertThat(store.findByIdempotencyKey("k-3-2")).isEmpty();
        assertThat(readWholeLog()).as("the events stay").hasSize(3);
    }

    @Test
    void anEmptyStoreHasNothingToRemove() {
        assertThat(store.pruneIdempotencyKeys(clock.instant().plus(HOUR), 100)).isZero();
        assertThat(store.pruneClosedScopes(clock.instant().plus(HOUR), 100)).isZero();
    }

    /** Several processes (here: threads with transactions of their own) pruning at once remove each key once. */
    @Test
    void prunesRunningAtOnceRemoveEachKeyOnce() throws Exception {
        int keys = 300;
        for (int i = 0; i < keys; i++) {
            appendWithKey("s-" + (i % 7), any(), List.of(), "k-" + i);
        }
        for (int i = 0; i < 30; i++) {
            appendInScope("t", List.of(), "scoped-" + i, "scope-" + i);
            store.closeScope("scope-" + i);
        }
        clock.advance(HOUR);
        Instant before = clock.instant();

        List<int[]> removed = runConcurrently(4, thread -> () -> {
            int[] counts = new int[2];
            for (int n = store.pruneClosedScopes(before, 4); n > 0; n = store.pruneClosedScopes(before, 4)) {
                counts[0] += n;
            }
            for (int n = store.pruneIdempotencyKeys(before, 25); n > 0; n = store.pruneIdempotencyKeys(before, 25)) {
                counts[1] += n;
            }
            return counts;
        });

        assertThat(removed.stream().mapToInt(c -> c[0]).sum()).as("scopes removed").isEqualTo(30);
        assertThat(removed.stream().mapToInt(c -> c[1]).sum()).as("keys removed").isEqualTo(keys);
        assertThat(store.findByIdempotencyKey("k-0")).isEmpty();
        assertThat(store.findByIdempotencyKey("scoped-0")).isEmpty();
        assertThat(store.pruneIdempotencyKeys(before, 1000)).isZero();
    }

    private AppendResult appendInScope(String streamId, List<NewEvent> events, String key, String scope) {
        return store.append(new AppendRequest(streamId, any(), events, key, scope));
    }
}
