package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.saga.SagaRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JPA store's failures that name what could not be written, read or committed. */
class StoreFailureMessagesTest {

    private static final TestDatabase DATABASE = TestDatabase.H2;

    /** A value JSON cannot hold, as the serializer below says. */
    record Unwritable(String reason) {
    }

    /** JSON Binding, refusing {@link Unwritable} values as a real serializer refuses what it cannot write. */
    private static final class RefusingSerializer implements EventSerializer {

        private final JsonbEventSerializer json = new JsonbEventSerializer();

        @Override
        public String toJson(Object value) {
            if (value instanceof Unwritable unwritable) {
                throw new IllegalArgumentException("cannot write " + unwritable.reason());
            }
            return json.toJson(value);
        }

        @Override
        public <T> T fromJson(String text, Class<T> type) {
            return json.fromJson(text, type);
        }
    }

    private JpaEventStore store;

    @BeforeEach
    void emptyStore() {
        DATABASE.freshStore();
        store = new JpaEventStore(DATABASE.transactions(), new RefusingSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
    }

    @Test
    void anEventThatCannotBeWrittenAsJsonNamesItsTypeAndStream() {
        NewEvent event = new NewEvent(EventIds.next(), "Unwritable", 1, new Unwritable("a loop"), null, null, null);

        assertThatThrownBy(() -> store.append("acc-1", AppendCondition.any(), List.of(event)))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2004: Event dev.allframe.jpa.StoreFailureMessagesTest$Unwritable for stream 'acc-1'"
                        + " cannot be written as JSON: java.lang.IllegalArgumentException: cannot write a loop")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aSagaValueThatCannotBeWrittenAsJsonNamesTheSagaAndWhatItIs() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        SagaRecord saga = new SagaRecord(id, "transfer", SagaState.RUNNING, 1, 2, "A->B",
                Map.of("reserve", new Unwritable("a socket")), 0, null, "me", now, now, now);

        assertThatThrownBy(() -> store.save(saga, null))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2021: The output of step 'reserve' of saga " + id + " (a"
                        + " dev.allframe.jpa.StoreFailureMessagesTest$Unwritable) cannot be written as JSON:"
                        + " java.lang.IllegalArgumentException: cannot write a socket");
        assertThat(store.find(id)).isEmpty();
    }

    @Test
    void aHeadAheadOfTheNewestEventStopsAppends() {
        store.append("acc-1", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                new ConformanceEvent("first", 1), null, null, null)));
        DATABASE.execute("UPDATE allframe_head SET head_position = 5");

        assertThatThrownBy(() -> store.append("acc-2", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                "ConformanceEvent", 1, new ConformanceEvent("second", 2), null, null, null))))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2011: allframe_head is at position 5, but the newest event is at position 1: events"
                        + " were removed outside the event store, or the database hides committed rows");
    }

    @Test
    void theStoreTransactionIsOnlyForHandlersTheStoreCalls() {
        assertThatThrownBy(StoreTransaction::entityManager)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AF2013: No event store transaction runs on this thread: StoreTransaction.entityManager()"
                        + " is for projection handlers called by the JPA event store");
    }
}
