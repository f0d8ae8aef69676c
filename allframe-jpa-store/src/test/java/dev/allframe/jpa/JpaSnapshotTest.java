package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.spi.snapshot.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaSnapshotTest {

    public record Balance(String owner, BigDecimal amount) {
    }

    /** Reads back from JSON without its counter, and has no equals to tell. */
    public static class Forgetful {
        private int counter;

        public Forgetful() {
        }

        Forgetful(int counter) {
            this.counter = counter;
        }
    }

    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger snapshotLog = Logger.getLogger("dev.allframe.jpa.internal.SnapshotRows");
    private JpaEventStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabase.H2.freshStore();
        snapshotLog.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        snapshotLog.removeHandler(capture);
    }

    @Test
    void aSnapshotReadsBackForTheSameStateShapeOnly() {
        Balance balance = new Balance("Ada", new BigDecimal("12.50"));
        store.saveSnapshot(new Snapshot("acc", 7, "Balance:aaaa", balance));

        assertThat(store.loadSnapshot("acc", Balance.class, "Balance:aaaa"))
                .contains(new Snapshot("acc", 7, "Balance:aaaa", balance));
        assertThat(store.loadSnapshot("acc", Balance.class, "Balance:bbbb")).isEmpty();
        assertThat(store.loadSnapshot("acc", Forgetful.class, "Balance:aaaa")).isEmpty();
        assertThat(store.loadSnapshot("other", Balance.class, "Balance:aaaa")).isEmpty();
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        store.saveSnapshot(new Snapshot("acc", 9, "f", new Balance("Ada", BigDecimal.TEN)));
        store.saveSnapshot(new Snapshot("acc", 4, "f", new Balance("Ada", BigDecimal.ONE)));
        store.saveSnapshot(new Snapshot("acc", 12, "f", new Balance("Ada", BigDecimal.ZERO)));

        assertThat(store.loadSnapshot("acc", Balance.class, "f")).get()
                .extracting(Snapshot::streamVersion).isEqualTo(12L);
    }

    @Test
    void aStateThatDoesNotSurviveJsonIsNeverSnapshotted() {
        store.saveSnapshot(new Snapshot("acc", 3, "Forgetful:1", new Forgetful(5)));
        store.saveSnapshot(new Snapshot("acc", 6, "Forgetful:1", new Forgetful(9)));

        assertThat(store.loadSnapshot("acc", Forgetful.class, "Forgetful:1")).isEmpty();
        assertThat(warnings).containsExactly("AF2007: State type dev.allframe.jpa.JpaSnapshotTest$Forgetful does not"
                + " read back equal to itself from JSON, so it is not snapshotted; make it a record (or give it equals)"
                + " with JSON-B-readable properties");
    }
}
