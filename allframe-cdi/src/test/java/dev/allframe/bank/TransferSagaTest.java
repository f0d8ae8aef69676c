package dev.allframe.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.query.QueryBus;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.StepFailure;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The README's transfer saga over the bank's accounts. */
@EnableWeld
class TransferSagaTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(Deployments.weldWithFaultTolerance(AccountCommands.class,
            AccountQueries.class, DebitSource.class, CreditTarget.class)).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    SagaOrchestrator sagas;

    @Inject
    EventStore store;

    @Test
    void aTransferMovesTheMoney() {
        open("A-1", "100");
        open("B-2", "0");

        SagaOutcome outcome = sagas.start("transfer", new Transfer("A-1", "B-2", new BigDecimal("30")));

        assertThat(outcome).isInstanceOf(SagaOutcome.Completed.class);
        assertThat(queries.query(new GetBalance("A-1"))).isEqualByComparingTo("70");
        assertThat(queries.query(new GetBalance("B-2"))).isEqualByComparingTo("30");
    }

    @Test
    void aTransferToAnAccountThatDoesNotExistGivesTheMoneyBack() {
        open("A-1", "100");

        SagaOutcome outcome = sagas.start("transfer", new Transfer("A-1", "B-2", new BigDecimal("30")));

        StepFailure failure = ((SagaOutcome.Compensated) outcome).failure();
        assertThat(failure.step()).isEqualTo(2);
        assertThat(failure.stepName()).isEqualTo("CreditTarget");
        assertThat(failure.cause()).isInstanceOf(CommandRejectedException.class);
        assertThat(failure.message()).isEqualTo("AF1141: Step 2 'CreditTarget' of saga 'transfer' (" + outcome.sagaId()
                + ") failed: dev.allframe.command.CommandRejectedException: AF1109: Command rejected: account B-2 is not open");
        assertThat(queries.query(new GetBalance("A-1"))).isEqualByComparingTo("100");
        assertThat(store.readStream("A-1", 3, 10)).extracting(EventEnvelope::event).containsExactly(
                new MoneyWithdrawn("A-1", new BigDecimal("30")), new MoneyDeposited("A-1", new BigDecimal("30")));
    }

    private void open(String account, String balance) {
        commands.dispatch(new OpenAccount(account, "owner of " + account));
        if (new BigDecimal(balance).signum() > 0) {
            commands.dispatch(new Deposit(account, new BigDecimal(balance)));
        }
    }
}
