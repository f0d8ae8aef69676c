package dev.allframe.benchmarks.bank;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** The same account as an Axon aggregate. */
public class AxonAccount {

    @AggregateIdentifier
    private String accountId;
    private boolean open;
    private long balanceCents;

    protected AxonAccount() {
    }

    @CommandHandler
    public AxonAccount(OpenAccount command) {
        apply(new AccountOpened(command.accountId(), command.owner()));
    }

    @CommandHandler
    public void handle(Deposit command) {
        if (!open) {
            throw new IllegalStateException("no account " + command.accountId());
        }
        apply(new MoneyDeposited(command.accountId(), command.amountCents()));
    }

    @EventSourcingHandler
    void on(AccountOpened e) {
        accountId = e.accountId();
        open = true;
    }

    @EventSourcingHandler
    void on(MoneyDeposited e) {
        balanceCents += e.amountCents();
    }
}
