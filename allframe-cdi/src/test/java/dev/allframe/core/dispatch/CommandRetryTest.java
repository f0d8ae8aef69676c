package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.bank.Account;
import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.MoneyDeposited;
import dev.allframe.bank.OpenAccount;
import dev.allframe.bank.Withdraw;
import dev.allframe.command.CommandResult;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.testing.InterferingEventStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandRetryTest {

    private final InterferingEventStore store =
            new InterferingEventStore(stream -> new MoneyDeposited(stream, new BigDecimal("1000")));

    @Test
    void aStatefulHandlerIsRetriedWithTheNewStateAfterAConflict() {
        CommandDispatcher bus = TestBuses.commandBus(store, 3, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", new BigDecimal("600")));
        store.interfere(2);

        CommandResult result = bus.dispatch(new Withdraw("A", new BigDecimal("500")));

        assertThat(store.appendAttempts()).isEqualTo(2 + 3);
        assertThat(result.streamVersion()).isEqualTo(5);
        assertThat(result.events()).singleElement().extracting(EventEnvelope::streamVersion).isEqualTo(5L);
        assertThat(store.readStream("A", 3, 2)).extracting(EventEnvelope::correlationId)
                .containsExactly("foreign", "foreign");
    }

    @Test
    void theConflictSurfacesOnceTheRetriesAreSpent() {
        CommandDispatcher bus = TestBuses.commandBus(store, 3, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        store.interfere(4);

        assertThatThrownBy(() -> bus.dispatch(new Deposit("A", BigDecimal.ONE)))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessage("AF1104: Stream 'A' is at version 5, but the append expected version 4")
                .satisfies(e -> {
                    ConcurrencyConflictException conflict = (ConcurrencyConflictException) e;
                    assertThat(conflict.streamId()).isEqualTo("A");
                    assertThat(conflict.expectedVersion()).isEqualTo(4);
                    assertThat(conflict.actualVersion()).isEqualTo(5);
                });
        assertThat(store.appendAttempts()).isEqualTo(1 + 4);
        assertThat(store.readStream("A", 1, 100)).extracting(EventEnvelope::correlationId)
                .containsOnly(store.readStream("A", 1, 1).get(0).correlationId(), "foreign");
    }

    @Test
    void zeroRetriesMeansTheFirstConflictSurfaces() {
        CommandDispatcher bus = TestBuses.commandBus(store, 0, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        store.interfere(1);

        assertThatThrownBy(() -> bus.dispatch(new Deposit("A", BigDecimal.ONE)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.appendAttempts()).isEqualTo(2);
    }

    @Test
    void statelessHandlersAreNotRetried() {
        CommandDispatcher bus = TestBuses.commandBus(store, 3, new AccountCommands());
        store.interfere(1);

        assertThatThrownBy(() -> bus.dispatch(new OpenAccount("A", "Ada")))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessage("AF1104: Stream 'A' is at version 1, but the append expected no stream (version 0)");
        assertThat(store.appendAttempts()).isEqualTo(1);
    }

    @Test
    void concurrentDepositsAreNeitherLostNorDuplicated() throws Exception {
        InMemoryEventStore memory = new InMemoryEventStore();
        CommandDispatcher bus = TestBuses.commandBus(memory, 1_000, new AccountCommands());
        bus.dispatch(new OpenAccount("A", "Ada"));
        int threads = 8;
        int depositsPerThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    for (int i = 0; i < depositsPerThread; i++) {
                        bus.dispatch(new Deposit("A", BigDecimal.ONE));
                    }
                    return depositsPerThread;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> future : done) {
                total += future.get(60, TimeUnit.SECONDS);
            }

            List<EventEnvelope> stream = memory.readStream("A", 1, Integer.MAX_VALUE);
            assertThat(stream).hasSize(1 + total);
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i).streamVersion()).isEqualTo(i + 1);
            }
            Account folded = foldBalance(stream);
            assertThat(folded.balance()).isEqualByComparingTo(BigDecimal.valueOf(threads * depositsPerThread));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Account foldBalance(List<EventEnvelope> stream) {
        BigDecimal balance = BigDecimal.ZERO;
        for (EventEnvelope envelope : stream) {
            if (envelope.event() instanceof MoneyDeposited deposited) {
                balance = balance.add(deposited.amount());
            }
        }
        return new Account("A", "Ada", balance);
    }
}
