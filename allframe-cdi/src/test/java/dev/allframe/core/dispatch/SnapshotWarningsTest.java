package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.SnapshottingEventStore;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SnapshotWarningsTest {

    private final SnapshottingEventStore store = new SnapshottingEventStore();
    private final HandlerCatalog catalog = TestBuses.catalog(new AccountCommands());
    private final CommandDispatcher bus = new CommandDispatcher(catalog,
            type -> new AccountCommands(), StoreCapabilities.of(store), TestBuses.VALIDATOR,
            new AllFrameConfig("memory", 3, 2), Runnable::run, TestBuses.eventTypes(catalog),
            TestBuses.fingerprints(catalog));

    @Test
    void snapshotsThatCannotBeReadOrWrittenAreWarnedAboutAndTheStreamIsFolded() {
        bus.dispatch(new OpenAccount("snapshot-warned", "Ada"));
        store.failSnapshots();

        try (LogCapture log = LogCapture.of(StateLoader.class)) {
            bus.dispatch(new Deposit("snapshot-warned", BigDecimal.TEN));

            assertThat(log.linesAbout("'snapshot-warned'")).containsExactly(
                    "WARNING AF1118: The snapshot of stream 'snapshot-warned' could not be read and is ignored; the stream is"
                            + " folded from its events instead",
                    "WARNING AF1117: The snapshot of stream 'snapshot-warned' at version 2 was not written; the stream is folded"
                            + " from its events instead");
            assertThat(log.recordsAbout("'snapshot-warned'")).hasSize(2).allSatisfy(r -> assertThat(r.getThrown()).hasMessage("snapshot table is gone"));
        }
        assertThat(store.saved()).isEmpty();
    }
}
