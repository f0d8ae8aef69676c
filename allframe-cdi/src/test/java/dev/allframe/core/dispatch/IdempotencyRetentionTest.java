package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.command.CommandOptions;
import dev.allframe.command.CommandResult;
import dev.allframe.core.config.RetentionSettings;
import dev.allframe.core.retention.RetentionJob;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.testing.ManualTimer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the retention of idempotency keys means for commands: a repeat within it is a duplicate, a later one runs. */
class IdempotencyRetentionTest {

    private final ManualTimer timer = new ManualTimer();
    private final InMemoryEventStore store = new InMemoryEventStore(timer.clock());
    private final CommandDispatcher bus = TestBuses.commandBus(store, 3, new AccountCommands());
    private final RetentionJob job = new RetentionJob(new RetentionSettings(Optional.of(Duration.ofDays(7)),
            Optional.of(Duration.ofDays(30)), Duration.ofHours(1), 100), store, Optional.of(new InMemorySagaStore()),
            timer, Runnable::run, timer.clock());

    @AfterEach
    void stop() {
        job.close();
    }

    @Test
    void aCommandRepeatedWithinTheRetentionIsADuplicate() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        CommandOptions key = CommandOptions.none().idempotencyKey("deposit-1");
        CommandResult first = bus.dispatch(new Deposit("A", BigDecimal.TEN), key);
        job.start();

        timer.advance(Duration.ofDays(7).minusMinutes(1));
        CommandResult again = bus.dispatch(new Deposit("A", BigDecimal.TEN), key);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(store.streamVersion("A")).isEqualTo(2);
    }

    @Test
    void afterTheRetentionPassedAndTheJobRanTheKeyIsGoneAndTheSameCommandIsExecutedAgain() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        CommandOptions key = CommandOptions.none().idempotencyKey("deposit-1");
        CommandResult first = bus.dispatch(new Deposit("A", BigDecimal.TEN), key);
        job.start();

        timer.advance(Duration.ofDays(7).plusHours(1));

        assertThat(store.findByIdempotencyKey("deposit-1")).isEmpty();
        CommandResult again = bus.dispatch(new Deposit("A", BigDecimal.TEN), key);
        assertThat(again.duplicate()).isFalse();
        assertThat(again.events()).isNotEqualTo(first.events());
        assertThat(store.streamVersion("A")).as("deposited twice").isEqualTo(3);
        assertThat(bus.dispatch(new Deposit("A", BigDecimal.TEN), key).duplicate()).as("the key is new again")
                .isTrue();
    }
}
