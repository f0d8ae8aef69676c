package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.spi.conformance.ConformanceEvent;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows that no longer read back fail with their place named, and stay as they are. */
class BadStoredDataTest {

    private static final TestDatabase DATABASE = TestDatabase.H2;
    private static final String GOOD = "{\"number\":1,\"text\":\"fine\"}";

    private JpaEventStore store;

    @BeforeEach
    void storeWithOneGoodAndTwoBadRows() {
        store = DATABASE.freshStore();
        DATABASE.execute(
                insert(1, "acc-1", 1, "ConformanceEvent", 1, GOOD),
                insert(2, "acc-1", 2, "AccountRenamed", 1, "{\"name\":\"x\"}"),
                insert(3, "acc-2", 1, "ConformanceEvent", 1, "{\"number\":\"not a number\"}"),
                "UPDATE allframe_head SET head_position = 3");
    }

    @Test
    void anUnknownTypeNamesPositionStreamTypeAndVersion() {
        assertThatThrownBy(() -> store.readStream("acc-1", 1, 10))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2001: Event at position 2 (stream 'acc-1', version 2) is stored as type 'AccountRenamed'"
                        + " version 1, which neither an event class nor an upcaster path is registered for; the stored"
                        + " row is unchanged");
        assertThat(store.readStream("acc-1", 1, 1)).singleElement()
                .satisfies(e -> assertThat(e.event()).isEqualTo(new ConformanceEvent("fine", 1)));
        assertThat(payload(2)).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void anUnreadablePayloadNamesItsPlaceAndKeepsTheRow() {
        assertThatThrownBy(() -> store.readAll(2, 10))
                .isInstanceOf(EventStoreException.class)
                .hasMessageStartingWith("AF2002: Event at position 3 (stream 'acc-2', version 1, type 'ConformanceEvent'"
                        + " version 1) cannot be read: ")
                .hasMessageEndingWith("; the stored row is unchanged")
                .hasCauseInstanceOf(RuntimeException.class);
        assertThat(payload(3)).isEqualTo("{\"number\":\"not a number\"}");
        assertThat(store.headPosition()).isEqualTo(3);
    }

    @Test
    void appendingStillWorksAroundBadRows() {
        store.append("acc-3", dev.allframe.spi.event.AppendCondition.noStream(), List.of(
                new dev.allframe.spi.event.NewEvent(dev.allframe.core.EventIds.next(), "ConformanceEvent", 1,
                        new ConformanceEvent("new", 4), null, null, null)));

        assertThat(store.readAll(3, 10)).singleElement().satisfies(e -> assertThat(e.globalPosition()).isEqualTo(4));
    }

    private static String insert(long position, String stream, long version, String type, int schemaVersion,
                                 String payload) {
        return "INSERT INTO allframe_events (global_position, event_id, stream_id, stream_version, type_name,"
                + " schema_version, payload, recorded_at) VALUES (" + position + ", '" + java.util.UUID.randomUUID()
                + "', '" + stream + "', " + version + ", '" + type + "', " + schemaVersion + ", '" + payload
                + "', CURRENT_TIMESTAMP)";
    }

    private static String payload(long position) {
        return DATABASE.transactions().read(em -> (String) em.unwrap(Session.class)
                .createNativeQuery("SELECT payload FROM allframe_events WHERE global_position = " + position, String.class)
                .getSingleResult());
    }
}
