package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.bank.Withdraw;
import dev.allframe.command.CommandOptions;
import dev.allframe.command.CommandResult;
import dev.allframe.command.IdempotencyKeyReusedException;
import dev.allframe.memory.InMemoryEventStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdempotentDispatchTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandDispatcher bus = TestBuses.commandBus(store, 3, new AccountCommands());

    @Test
    void aRepeatedKeyReturnsTheFirstResultAndAppendsNothing() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        CommandOptions key = CommandOptions.none().idempotencyKey("deposit-1");

        CommandResult first = bus.dispatch(new Deposit("A", BigDecimal.TEN), key);
        CommandResult again = bus.dispatch(new Deposit("A", BigDecimal.TEN), key);

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(again.streamVersion()).isEqualTo(2);
        assertThat(store.streamVersion("A")).isEqualTo(2);
    }

    @Test
    void aRepeatedKeyIsNotRejectedByTheHandlerAgain() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", BigDecimal.TEN));
        CommandOptions key = CommandOptions.none().idempotencyKey("withdraw-all");

        CommandResult first = bus.dispatch(new Withdraw("A", BigDecimal.TEN), key);
        CommandResult again = bus.dispatch(new Withdraw("A", BigDecimal.TEN), key);

        assertThat(again.events()).isEqualTo(first.events());
        assertThat(store.streamVersion("A")).isEqualTo(3);
    }

    @Test
    void aKeyReusedForAnotherStreamIsRefused() {
        bus.dispatch(new OpenAccount("A", "Ada"), CommandOptions.none().idempotencyKey("k"));

        assertThatThrownBy(() -> bus.dispatch(new OpenAccount("B", "Bob"), CommandOptions.none().idempotencyKey("k")))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessage("AF1110: Idempotency key 'k' was first used for stream 'A', not for stream 'B'");
        assertThat(store.streamVersion("B")).isZero();
    }

    @Test
    void racingDispatchesWithOneKeyAppendOnce() throws Exception {
        bus.dispatch(new OpenAccount("A", "Ada"));
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit((Callable<CommandResult>) () -> {
                    barrier.await();
                    return bus.dispatch(new Deposit("A", BigDecimal.ONE), CommandOptions.none().idempotencyKey("race"));
                }));
            }
            List<CommandResult> done = new ArrayList<>();
            for (Future<CommandResult> result : results) {
                done.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(store.streamVersion("A")).isEqualTo(2);
            List<EventEnvelope> stored = store.readStream("A", 2, 10);
            assertThat(done).allSatisfy(r -> assertThat(r.events()).isEqualTo(stored));
            assertThat(done).filteredOn(r -> !r.duplicate()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
