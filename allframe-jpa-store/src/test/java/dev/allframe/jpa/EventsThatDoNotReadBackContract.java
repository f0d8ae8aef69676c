package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event that would be stored but not read back is refused at its append, and nothing of that append is stored:
 * the stream stays as it was, readable.
 */
abstract class EventsThatDoNotReadBackContract {

    private static final List<Class<?>> EVENTS = List.of(ConformanceEvent.class, Tagged.class, Flagged.class);

    private JpaEventStore store;

    abstract TestDatabase database();

    @BeforeEach
    void streamWithOneEvent() {
        store = database().freshStore(EventTypeRegistry.of(EVENTS));
        store.append("s", AppendCondition.noStream(), List.of(event(new ConformanceEvent("kept", 1))));
    }

    @Test
    void anEventWithACharSequenceIsRefusedWithEverythingAppendedWithIt() {
        assertThatThrownBy(() -> store.append("s", AppendCondition.streamVersionEq(1),
                List.of(event(new ConformanceEvent("with it", 2)), event(new Tagged("s", "vip")))))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2031: Event dev.allframe.jpa.Tagged for stream 's' does not read back equal to itself"
                        + " from its JSON: reading it back fails with jakarta.json.bind.JsonbException: Property 'tag'"
                        + " of dev.allframe.jpa.Tagged cannot be read: Incorrect position for processing type:"
                        + " interface java.lang.CharSequence. Received event: VALUE_STRING Allowed: [START_OBJECT];"
                        + " nothing of the append was stored");

        assertUnchanged();
    }

    @Test
    void anEventHoldingAnInterfaceValueIsRefusedEachTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> store.append("s", AppendCondition.any(),
                    List.of(event(new Flagged("s", new Flagged.Red(3))))))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2031: Event dev.allframe.jpa.Flagged for stream 's' does not read back equal to"
                            + " itself from its JSON: reading it back fails with jakarta.json.bind.JsonbException:"
                            + " Property 'flag' of dev.allframe.jpa.Flagged cannot be read: Cannot infer a type for"
                            + " unmarshalling into: dev.allframe.jpa.Flagged$Flag; nothing of the append was stored");
        }

        assertUnchanged();
    }

    @Test
    void aClassThatReadsBackIsStoredAfterOneThatDoesNot() {
        assertThatThrownBy(() -> store.append("s", AppendCondition.any(), List.of(event(new Tagged("s", "vip")))))
                .isInstanceOf(EventStoreException.class);

        store.append("s", AppendCondition.streamVersionEq(1), List.of(event(new ConformanceEvent("next", 2))));

        assertThat(store.readStream("s", 1, 10)).extracting(EventEnvelope::event)
                .containsExactly(new ConformanceEvent("kept", 1), new ConformanceEvent("next", 2));
    }

    private void assertUnchanged() {
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(database().freshStoreKeepingData(EventTypeRegistry.of(EVENTS)).readStream("s", 1, 10))
                .extracting(EventEnvelope::event).containsExactly(new ConformanceEvent("kept", 1));
    }

    private static NewEvent event(Object event) {
        EventTypes.EventTypeName type = EventTypes.of(event.getClass());
        return new NewEvent(EventIds.next(), type.name(), type.version(), event, null, null, null);
    }
}
