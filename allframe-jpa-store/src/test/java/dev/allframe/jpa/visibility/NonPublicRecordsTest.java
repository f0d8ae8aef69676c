package dev.allframe.jpa.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.snapshot.Snapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event records need not be public: package-private, protected and private ones are stored and read back. */
class NonPublicRecordsTest {

    private static final List<Class<?>> EVENTS = List.of(Opened.class, Ledger.Posted.class, Ledger.Corrected.class,
            Ledger.hiddenClass());

    @Test
    void nonPublicRecordsRoundTripThroughTheDatabase() {
        Opened opened = new Opened("Ada", new BigDecimal("12.50"), Instant.parse("2024-05-01T10:15:30.123456Z"),
                List.of(new Line("coffee", 250), new Line("cake", 1000)), new Line("tea", 0), 2, true);
        Ledger.Posted posted = new Ledger.Posted("A", new BigDecimal("-3"));
        Ledger.Corrected corrected = new Ledger.Corrected("A", List.of(posted));
        Object hidden = Ledger.hidden("kept");
        JpaEventStore store = TestDatabase.H2.freshStore(EventTypeRegistry.of(EVENTS));

        store.append("a", AppendCondition.noStream(), List.of(event(opened), event(posted), event(corrected),
                event(hidden)));

        JpaEventStore restarted = TestDatabase.H2.freshStoreKeepingData(EventTypeRegistry.of(EVENTS));
        assertThat(restarted.readStream("a", 1, 10)).extracting(EventEnvelope::event)
                .containsExactly(opened, posted, corrected, hidden);
    }

    @Test
    void aNonPublicStateIsSnapshottedAndLoaded() {
        JpaEventStore store = TestDatabase.H2.freshStore(EventTypeRegistry.of(EVENTS));
        Opened state = new Opened("Ada", BigDecimal.TEN, Instant.parse("2024-05-01T10:15:30Z"), List.of(), null, 0,
                false);

        store.saveSnapshot(new Snapshot("a", 3, "f1", state));

        assertThat(store.loadSnapshot("a", Opened.class, "f1")).get().extracting(Snapshot::state).isEqualTo(state);
    }

    private static NewEvent event(Object event) {
        EventTypes.EventTypeName type = EventTypes.of(event.getClass());
        return new NewEvent(EventIds.next(), type.name(), type.version(), event, null, null, null);
    }
}
