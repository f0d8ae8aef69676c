package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.version.Upcasting;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.core.version.VersionGraphBuilder;
import dev.allframe.event.EventType;
import dev.allframe.event.UpcastFrom;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.NewEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An event appended in an older version is handed to listeners and in the append's result as reads give it, read
 * back from its JSON through the upcasters; one whose JSON does not read back is refused, and nothing of its append
 * is stored, rather than stored for every later read to fail on.
 */
class UnreadableAppendTest {

    @EventType(name = "Stamp", version = 1)
    public record StampV1(String value) {
    }

    @EventType(name = "Stamp", version = 2)
    @UpcastFrom(StampV1.class)
    public record Stamp(String value, int copies) {

        public static Stamp from(StampV1 old) {
            if (old.value().equals("unconvertible")) {
                throw new IllegalArgumentException("no copies known for 'unconvertible'");
            }
            return new Stamp(old.value(), 1);
        }
    }

    /** JSON-B, except that it cannot read {@link StampV1}. */
    private static final class NoStampV1 implements EventSerializer {

        private final EventSerializer json = new JsonbEventSerializer();

        @Override
        public String toJson(Object value) {
            return json.toJson(value);
        }

        @Override
        public <T> T fromJson(String text, Class<T> type) {
            if (type == StampV1.class) {
                throw new IllegalStateException("no reader for StampV1");
            }
            return json.fromJson(text, type);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventOfAnOlderVersionIsHandedOnInItsNewestVersion(TestDatabase database) {
        assumeTrue(database != TestDatabase.POSTGRESQL || PostgresCondition.url() != null,
                "PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL");
        JpaEventStore store = database.freshStore(decoder());

        List<EventEnvelope> appended = store.append(new AppendRequest("s", AppendCondition.noStream(),
                List.of(stamp()), null)).events();

        assertThat(appended).extracting(EventEnvelope::event).containsExactly(new Stamp("first", 1));
        assertThat(store.readStream("s", 1, 10)).extracting(EventEnvelope::event)
                .containsExactly(new Stamp("first", 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventThatDoesNotReadBackIsRefusedAndNothingOfItsAppendIsStored(TestDatabase database) {
        assumeTrue(database != TestDatabase.POSTGRESQL || PostgresCondition.url() != null,
                "PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL");
        database.freshStore();
        JpaEventStore store = new JpaEventStore(database.transactions(), new NoStampV1(), decoder(),
                Clock.systemUTC());
        NewEvent fine = new NewEvent(EventIds.next(), "Stamp", 2, new Stamp("fine", 2), null, null, Map.of());

        assertThatThrownBy(() -> store.append(new AppendRequest("s", AppendCondition.any(), List.of(fine, stamp()),
                null)))
                .isInstanceOf(EventStoreException.class)
                .as("the first append of a class is read back before anything is written")
                .hasMessage("AF2031: Event dev.allframe.jpa.UnreadableAppendTest$StampV1 for stream 's' does not read"
                        + " back equal to itself from its JSON: reading it back fails with"
                        + " java.lang.IllegalStateException: no reader for StampV1; nothing of the append was stored");

        assertThat(store.headPosition()).isZero();
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventThatReadsBackButDoesNotUpcastIsRefusedAndNothingOfItsAppendIsStored(TestDatabase database) {
        assumeTrue(database != TestDatabase.POSTGRESQL || PostgresCondition.url() != null,
                "PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL");
        JpaEventStore store = database.freshStore(decoder());
        store.append(new AppendRequest("s", AppendCondition.any(), List.of(stamp()), null));

        assertThatThrownBy(() -> store.append(new AppendRequest("s", AppendCondition.any(), List.of(stamp(),
                new NewEvent(EventIds.next(), "Stamp", 1, new StampV1("unconvertible"), null, null, Map.of())),
                null)))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2036: Event dev.allframe.jpa.UnreadableAppendTest$StampV1 appended to stream 's' as"
                        + " type 'Stamp' version 1 does not read back in its newest version:"
                        + " dev.allframe.EventStoreException: AF1128: Upcaster"
                        + " dev.allframe.jpa.UnreadableAppendTest$Stamp#from(StampV1) failed on event 'Stamp' version 1:"
                        + " java.lang.IllegalArgumentException: no copies known for 'unconvertible'; nothing of the"
                        + " append was stored");

        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(store.readStream("s", 1, 10)).extracting(EventEnvelope::event)
                .containsExactly(new Stamp("first", 1));
    }

    private static NewEvent stamp() {
        return new NewEvent(EventIds.next(), "Stamp", 1, new StampV1("first"), null, null, Map.of());
    }

    private static Upcasting decoder() {
        EventTypeRegistry registry = EventTypeRegistry.of(List.of(Stamp.class));
        Problems problems = new Problems();
        VersionGraph graph = VersionGraphBuilder.build(registry, List.of(), problems);
        assertThat(problems.messages()).isEmpty();
        return new Upcasting(registry, graph, type -> null);
    }
}
