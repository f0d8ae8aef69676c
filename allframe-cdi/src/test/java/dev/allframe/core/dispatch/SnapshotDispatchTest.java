package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.bank.Account;
import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.bank.Withdraw;
import dev.allframe.command.CommandResult;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.snapshot.Snapshot;
import dev.allframe.testing.SnapshottingEventStore;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SnapshotDispatchTest {

    private final SnapshottingEventStore store = new SnapshottingEventStore();
    private final HandlerCatalog catalog = TestBuses.catalog(new AccountCommands());
    private final CommandDispatcher bus = new CommandDispatcher(catalog,
            type -> new AccountCommands(), StoreCapabilities.of(store), TestBuses.VALIDATOR, new AllFrameConfig("memory", 3, 3, AllFrameConfig.defaults().projections(), 0),
            Runnable::run, TestBuses.eventTypes(catalog), TestBuses.fingerprints(catalog));

    @Test
    void aSnapshotIsWrittenEachTimeAStreamPassesAMultipleOfTheInterval() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        for (int i = 0; i < 6; i++) {
            bus.dispatch(new Deposit("A", BigDecimal.TEN));
        }

        assertThat(store.saved()).extracting(Snapshot::streamVersion).containsExactly(3L, 6L);
        assertThat(store.saved().get(1).state()).isEqualTo(new Account("A", "Ada", new BigDecimal("50")));
    }

    @Test
    void loadingStartsFromTheNewestSnapshot() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        for (int i = 0; i < 6; i++) {
            bus.dispatch(new Deposit("A", BigDecimal.TEN));
        }
        store.readsFrom().clear();

        CommandResult result = bus.dispatch(new Withdraw("A", new BigDecimal("55")));

        assertThat(store.readsFrom()).containsExactly(7L);
        assertThat(result.streamVersion()).isEqualTo(8);
        assertThat(result.events().get(0).event(dev.allframe.bank.MoneyWithdrawn.class).amount()).isEqualTo("55");
    }

    @Test
    void aSnapshotOfAnotherStateShapeIsIgnored() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        bus.dispatch(new Deposit("A", BigDecimal.ONE));
        store.putSnapshot(new Snapshot("A", 2, "Account:0000000000000000", new Account("A", "Ada", new BigDecimal("1000"))));
        store.readsFrom().clear();

        CommandResult result = bus.dispatch(new Deposit("A", BigDecimal.ONE));

        assertThat(store.readsFrom()).as("the fold for the handler, then the one for the snapshot")
                .containsExactly(1L, 1L);
        assertThat(store.saved()).last().extracting(Snapshot::state).isEqualTo(new Account("A", "Ada", new BigDecimal("2")));
        assertThat(result.streamVersion()).isEqualTo(3);
    }

    @Test
    void failingSnapshotsFallBackToTheEvents() {
        bus.dispatch(new OpenAccount("A", "Ada"));
        store.failSnapshots();

        bus.dispatch(new Deposit("A", BigDecimal.TEN));
        bus.dispatch(new Deposit("A", BigDecimal.TEN));
        CommandResult result = bus.dispatch(new Withdraw("A", new BigDecimal("20")));

        assertThat(result.streamVersion()).isEqualTo(4);
        assertThat(store.saved()).isEmpty();
    }
}
