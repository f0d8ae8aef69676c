package dev.allframe.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.query.QueryBus;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class BankScenarioTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(Deployments.weld(AccountCommands.class, AccountQueries.class)).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    EventStore store;

    @Test
    void opensDepositsAndWithdraws() {
        CommandResult opened = commands.dispatch(new OpenAccount("A-1", "Ada"));
        commands.dispatch(new Deposit("A-1", new BigDecimal("100.00")));
        CommandResult withdrawn = commands.dispatch(new Withdraw("A-1", new BigDecimal("30.00")));

        assertThat(opened.events()).singleElement()
                .satisfies(e -> assertThat(e.event()).isEqualTo(new AccountOpened("A-1", "Ada")))
                .satisfies(e -> assertThat(e.streamVersion()).isEqualTo(1));
        assertThat(withdrawn.streamVersion()).isEqualTo(3);
        assertThat(withdrawn.lastPosition()).isEqualTo(3);
        assertThat(withdrawn.events().get(0).event()).isEqualTo(new MoneyWithdrawn("A-1", new BigDecimal("30.00")));
        assertThat(queries.query(new GetBalance("A-1"))).isEqualByComparingTo("70.00");
    }

    @Test
    void withdrawingBeyondTheBalanceIsRejectedAndStoresNothing() {
        commands.dispatch(new OpenAccount("A-2", "Grace"));
        commands.dispatch(new Deposit("A-2", new BigDecimal("10")));
        long head = store.headPosition();

        assertThatThrownBy(() -> commands.dispatch(new Withdraw("A-2", new BigDecimal("10.01"))))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: insufficient funds")
                .extracting(e -> ((CommandRejectedException) e).reason()).isEqualTo("insufficient funds");

        assertThat(store.headPosition()).isEqualTo(head);
        assertThat(store.streamVersion("A-2")).isEqualTo(2);
        assertThat(queries.query(new GetBalance("A-2"))).isEqualByComparingTo("10");
    }

    @Test
    void depositingToAnUnopenedAccountIsRejected() {
        assertThatThrownBy(() -> commands.dispatch(new Deposit("nobody", BigDecimal.ONE)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: account nobody is not open");
        assertThat(store.streamVersion("nobody")).isZero();
    }

    @Test
    void openingAnAccountTwiceConflicts() {
        commands.dispatch(new OpenAccount("A-3", "Alan"));

        assertThatThrownBy(() -> commands.dispatch(new OpenAccount("A-3", "Someone else")))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessage("AF1104: Stream 'A-3' is at version 1, but the append expected no stream (version 0)");
        assertThat(store.streamVersion("A-3")).isEqualTo(1);
    }

    @Test
    void invalidCommandsListEveryViolationAndStoreNothing() {
        assertThatThrownBy(() -> commands.dispatch(new OpenAccount(" ", "")))
                .isInstanceOf(CommandValidationException.class)
                .hasMessage("AF1103: dev.allframe.bank.OpenAccount is invalid: accountId: must not be blank; "
                        + "owner: must not be blank")
                .extracting(e -> ((CommandValidationException) e).violations())
                .isEqualTo(java.util.List.of(new Violation("accountId", "must not be blank"),
                        new Violation("owner", "must not be blank")));
        assertThat(store.headPosition()).isZero();
    }
}
