package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static dev.allframe.spi.event.AppendCondition.noStream;
import static dev.allframe.spi.event.AppendCondition.streamVersionEq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.command.UnstorableValueException;
import dev.allframe.core.EventIds;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Appends refused for what they carry rather than for their stream's version: an id longer than every store keeps
 * (200 characters) or holding a character not every database stores, and an event id stored before. Each is refused
 * with an error of its own naming the value, never as a concurrency conflict, and leaves nothing stored; the store
 * goes on appending after it. Every event store must pass it, so that a test on the in-memory store tells what the
 * JPA store does; see {@link EventStoreConformanceSupport}.
 */
public abstract class EventStoreRefusalsConformanceTest extends EventStoreConformanceSupport {

    private static final String LONG = "x".repeat(300);
    private static final String LONGEST = "y".repeat(200);

    @Test
    void idsOfTwoHundredCharactersAreStoredAndReadBack() {
        NewEvent event = new NewEvent(EventIds.next(), TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent("long", 1),
                LONGEST, LONGEST, Map.of(LONGEST, LONG));

        store.append(new AppendRequest(LONGEST, noStream(), List.of(event), LONGEST, LONGEST));

        assertThat(readWholeStream(LONGEST)).singleElement().satisfies(stored -> {
            assertThat(stored.streamId()).isEqualTo(LONGEST);
            assertThat(stored.correlationId()).isEqualTo(LONGEST);
            assertThat(stored.causationId()).isEqualTo(LONGEST);
            assertThat(stored.metadata()).isEqualTo(Map.of(LONGEST, LONG));
        });
        assertThat(store.findByIdempotencyKey(LONGEST)).get().extracting(r -> r.streamId()).isEqualTo(LONGEST);
    }

    @Test
    void aStreamIdLongerThanTwoHundredCharactersIsRefused() {
        assertRefused(() -> store.append(new AppendRequest(LONG, noStream(), List.of(newEvent("e", 1)), null)),
                "AF1186: Append to stream '" + "x".repeat(40) + "...' refused: its stream id is 300 characters long,"
                + " more than the 200 every event store keeps; nothing was stored");
    }

    @Test
    void theRefusalCarriesTheValueItsLengthAndTheLimit() {
        assertThatThrownBy(() -> new AppendRequest("s", any(), List.of(newEvent("e", 1)), LONG))
                .isInstanceOfSatisfying(UnstorableValueException.class, e -> {
                    assertThat(e.streamId()).isEqualTo("s");
                    assertThat(e.valueName()).isEqualTo("idempotency key");
                    assertThat(e.length()).isEqualTo(300);
                    assertThat(e.limit()).isEqualTo(200);
                });
    }

    @Test
    void anIdempotencyKeyLongerThanTwoHundredCharactersIsRefused() {
        assertRefused(() -> store.append(new AppendRequest("s", any(), List.of(newEvent("e", 1)), LONG)),
                "AF1186: Append to stream 's' refused: its idempotency key is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @Test
    void anIdempotencyScopeLongerThanTwoHundredCharactersIsRefused() {
        assertRefused(() -> store.append(new AppendRequest("s", any(), List.of(newEvent("e", 1)), "key", LONG)),
                "AF1186: Append to stream 's' refused: its idempotency scope is 300 characters long, more than the"
                + " 200 every event store keeps; nothing was stored");
    }

    @Test
    void aCorrelationIdLongerThanTwoHundredCharactersIsRefused() {
        NewEvent event = new NewEvent(EventIds.next(), TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent("e", 1), LONG,
                null, Map.of());

        assertRefused(() -> store.append(new AppendRequest("s", noStream(), List.of(newEvent("ok", 0), event), null)),
                "AF1186: Append to stream 's' refused: its correlation id is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @Test
    void aCausationIdLongerThanTwoHundredCharactersIsRefused() {
        NewEvent event = new NewEvent(EventIds.next(), TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent("e", 1), null,
                LONG, Map.of());

        assertRefused(() -> store.append(new AppendRequest("s", streamVersionEq(0), List.of(event), "key")),
                "AF1186: Append to stream 's' refused: its causation id is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @Test
    void aTypeNameLongerThanTwoHundredCharactersIsRefused() {
        NewEvent event = new NewEvent(EventIds.next(), LONG, SCHEMA_VERSION, new ConformanceEvent("e", 1), null, null,
                Map.of());

        assertRefused(() -> store.append(new AppendRequest("s", any(), List.of(event), null)),
                "AF1186: Append to stream 's' refused: its type name is 300 characters long, more than the 200"
                + " every event store keeps; nothing was stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream", "correlation", "key"})
    void anIdHoldingTheNulCharacterIsRefused(String which) {
        String nul = "a\u0000b";
        NewEvent event = new NewEvent(EventIds.next(), TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent("e", 1),
                which.equals("correlation") ? nul : null, null, Map.of());
        String stream = which.equals("stream") ? nul : "s";
        String what = switch (which) {
            case "stream" -> "stream id";
            case "correlation" -> "correlation id";
            default -> "idempotency key";
        };

        assertRefused(() -> store.append(new AppendRequest(stream, any(), List.of(event),
                        which.equals("key") ? nul : null)),
                "AF1187: Append to stream '" + (which.equals("stream") ? "a\\u0000b" : "s") + "' refused: its " + what
                + " holds the character U+0000, which PostgreSQL cannot store; nothing was stored");
    }

    @Test
    void readingAnIdLongerThanTwoHundredCharactersFindsNothing() {
        appendAny("s", newEvents("s", 1));

        assertThat(store.readStream(LONG, 1, 10)).isEmpty();
        assertThat(store.streamVersion(LONG)).isZero();
        assertThat(store.findByIdempotencyKey(LONG)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"noStream", "version", "any", "key"})
    void anEventIdStoredBeforeIsRefusedAndIsNoConflict(String condition) {
        UUID taken = EventIds.next();
        store.append(new AppendRequest("a", noStream(), List.of(eventWithId(taken, "first")), null));
        AppendCondition when = switch (condition) {
            case "noStream" -> noStream();
            case "version" -> streamVersionEq(0);
            default -> any();
        };

        assertThatThrownBy(() -> store.append(new AppendRequest("b", when,
                List.of(newEvent("second", 2), eventWithId(taken, "again")), condition.equals("key") ? "k" : null)))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessage("AF1188: Append to stream 'b' refused: its event id " + taken + " is the id of an event"
                        + " stored before; nothing was stored");

        assertThat(readWholeLog()).extracting(EventEnvelope::streamId).containsExactly("a");
        assertThat(store.streamVersion("b")).isZero();
        assertThat(store.findByIdempotencyKey("k")).isEmpty();
        assertThat(appendAny("b", newEvents("b", 1)).events()).extracting(EventEnvelope::globalPosition)
                .containsExactly(2L);
    }

    @Test
    void oneEventIdTwiceInOneAppendIsRefused() {
        UUID twice = EventIds.next();

        assertThatThrownBy(() -> store.append(new AppendRequest("b", noStream(),
                List.of(eventWithId(twice, "one"), eventWithId(twice, "two")), null)))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessage("AF1188: Append to stream 'b' refused: its event id " + twice + " is the id of two of its"
                        + " events; nothing was stored");

        assertThat(readWholeLog()).isEmpty();
    }

    private void assertRefused(Runnable append, String message) {
        appendAny("before", newEvents("before", 1));

        assertThatThrownBy(append::run).isInstanceOf(UnstorableValueException.class).hasMessage(message);

        assertThat(readWholeLog()).extracting(EventEnvelope::streamId).containsExactly("before");
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(store.streamVersion("s")).isZero();
        assertThat(appendAny("s", newEvents("after", 1)).events()).extracting(EventEnvelope::globalPosition)
                .containsExactly(2L);
    }

    private static NewEvent eventWithId(UUID id, String text) {
        return new NewEvent(id, TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent(text, 0), null, null, Map.of());
    }
}
