package dev.allframe.jpa.retention;

import static dev.allframe.spi.event.AppendCondition.any;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.JpaTransactions;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.MutableClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention beside appends on the JPA store: while a prune's transaction is open, its rows deleted and not yet
 * committed, appends of other threads (with an idempotency key, which takes the head row's lock, and without) go
 * through and commit. The deadline only keeps a wrongly blocked append from hanging the build.
 */
abstract class PruneBesideAppendsContract {

    private static final long DEADLINE_SECONDS = 30;

    /** The stores' time, moved by the tests. */
    final MutableClock clock = new MutableClock();
    private final ExecutorService appender = Executors.newSingleThreadExecutor();
    private JpaEventStore store;

    abstract TestDatabase database();

    @AfterEach
    void stopAppender() {
        appender.shutdownNow();
    }

    @Test
    void appendsGoOnWhileAPruneOfKeysHoldsItsTransactionOpen() throws Exception {
        store = database().freshStore(EventTypeRegistry.of(List.of(ConformanceEvent.class)), clock);
        for (int i = 0; i < 50; i++) {
            store.append(new AppendRequest("old-" + (i % 5), any(), events(1), "old-" + i, null));
        }
        store.append(new AppendRequest("saga", any(), events(1), "scoped-1", "scope-1"));
        store.closeScope("scope-1");
        clock.advance(Duration.ofDays(8));
        Instant before = clock.instant().minus(Duration.ofDays(7));

        List<AppendResult> keysPrune = appendedDuring(pruning -> pruning.pruneIdempotencyKeys(before, 1000));
        List<AppendResult> scopesPrune = appendedDuring(pruning -> pruning.pruneClosedScopes(before, 1000));

        assertThat(keysPrune).hasSize(2).allSatisfy(result -> assertThat(result.duplicate()).isFalse());
        assertThat(scopesPrune).hasSize(2);
        assertThat(store.findByIdempotencyKey("old-0")).isEmpty();
        assertThat(store.findByIdempotencyKey("scoped-1")).isEmpty();
        assertThat(store.readAll(0, 100)).hasSize(55);
    }

    /**
     * Runs {@code prune} on a store whose transactions, before they commit, wait for two appends made meanwhile by
     * another thread, and returns what those appends stored.
     */
    private List<AppendResult> appendedDuring(Consumer<JpaEventStore> prune) {
        JpaTransactions plain = database().transactions();
        AtomicReference<List<AppendResult>> appended = new AtomicReference<>();
        JpaTransactions holdingOpen = new JpaTransactions() {
            @Override
            public <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit) {
                return plain.write(em -> {
                    T result = work.apply(em);
                    em.flush();
                    appended.set(appendMeanwhile());
                    return result;
                }, afterCommit);
            }

            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return plain.read(work);
            }
        };
        prune.accept(new JpaEventStore(holdingOpen, new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), clock));
        return appended.get();
    }

    private List<AppendResult> appendMeanwhile() {
        Future<List<AppendResult>> appends = appender.submit(() -> List.of(
                store.append(new AppendRequest("new", any(), events(1), "new-" + EventIds.next(), null)),
                store.append("new", any(), events(1))));
        try {
            return appends.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            appends.cancel(true);
            throw new AssertionError("An append did not finish while the prune's transaction was open", e);
        }
    }

    private static List<NewEvent> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> new NewEvent(EventIds.next(),
                "ConformanceEvent", 1, new ConformanceEvent("e" + i, i), null, null, Map.of())).toList();
    }
}
