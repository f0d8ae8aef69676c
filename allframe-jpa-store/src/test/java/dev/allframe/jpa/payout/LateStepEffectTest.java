package dev.allframe.jpa.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.saga.SagaContainers;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.event.EventStore;
import io.smallrye.config.inject.ConfigExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A step whose withdrawal waits for the gate through which appends take positions, held by another connection, times
 * out; the saga compensates it.
 * When the lock is released, whatever the withdrawal does then, no money is lost: it is either refused, or stored
 * before the compensation looked and paid back by it.
 */
@RequiresPostgres
class LateStepEffectTest {

    @Test
    void aWithdrawalThatOutlivesItsStepsTimeoutIsNotStoredAfterTheCompensation() throws Exception {
        TestDatabase database = TestDatabase.POSTGRESQL;
        database.freshStore(EventTypeRegistry.of(List.of(Withdrawn.class, Deposited.class)));
        PayoutDatabase.factory = database.factory();
        DebitSource.dispatched = new CompletableFuture<>();
        SagaContainers.withConfig(Map.of("allframe.event-store", "jpa"), () -> {
            try (WeldContainer container = payouts().initialize();
                 Connection lock = DriverManager.getConnection(database.jdbcUrl())) {
                SagaOrchestrator sagas = container.select(SagaOrchestrator.class).get();
                EventStore events = container.select(EventStore.class).get();
                try (Statement holder = lock.createStatement()) {
                    // the gate through which every append takes its positions
                    holder.execute("SELECT pg_advisory_lock(allframe_position_keys() + 1099511627775)");
                }

                SagaExecution payout = sagas.startAsync("payout", new Payout("A", "B", 25));
                UUID id = payout.sagaId();
                await(() -> compensationOfStepOneStarted(sagas, id), "the saga compensates the timed-out step");
                try (Statement holder = lock.createStatement()) {
                    holder.execute("SELECT pg_advisory_unlock(allframe_position_keys() + 1099511627775)");
                }
                SagaOutcome outcome = payout.outcome().toCompletableFuture().get(30, TimeUnit.SECONDS);
                Object late = DebitSource.dispatched.get(30, TimeUnit.SECONDS);
                assertThat(outcome.state()).isEqualTo(SagaState.COMPENSATED);
                assertThat(((SagaOutcome.Compensated) outcome).failure().message())
                        .startsWith("AF1141: Step 1 'DebitSource' of saga 'payout'").contains("AF1152: ");

                assertThat(balance(events, "A")).as("A's balance once all is done; the withdrawal ended with %s",
                        late).isZero();
                assertThat(balance(events, "B")).isZero();
            }
            return null;
        });
    }

    private static Weld payouts() {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .property("org.jboss.weld.construction.relaxed", false)
                .addExtension(new AllFrameExtension())
                .addExtension(new ConfigExtension())
                .addBeanClasses(Ledger.class, DebitSource.class, CreditTarget.class, PayoutDatabase.class);
    }

    private static boolean compensationOfStepOneStarted(SagaOrchestrator sagas, UUID id) {
        return sagas.history(id).stream().anyMatch(e -> e.step() == 1 && e.action() == SagaLogEntry.Action.COMPENSATE);
    }

    private static int balance(EventStore events, String account) {
        int balance = 0;
        for (EventEnvelope event : events.readStream(account, 1, 100)) {
            if (event.event() instanceof Withdrawn w) {
                balance -= w.amount();
            } else if (event.event() instanceof Deposited d) {
                balance += d.amount();
            }
        }
        return balance;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
