package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static dev.allframe.spi.event.AppendCondition.noStream;
import static dev.allframe.spi.event.AppendCondition.streamVersionEq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.allframe.EventEnvelope;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.core.EventIds;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.LogPage;
import dev.allframe.spi.event.NewEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Appending and reading: stream versions, global positions, envelope contents, paging and append
 * conditions. Every event store must pass it; see {@link EventStoreConformanceSupport} for how.
 */
public abstract class EventStoreConformanceTest extends EventStoreConformanceSupport {

    @Test
    void freshStoreIsEmpty() {
        assertThat(store.headPosition()).isZero();
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    @Test
    void unknownStreamIsEmptyAtVersionZero() {
        appendAny("known", newEvents("known", 2));

        assertThat(store.readStream("unknown", 1, 10)).isEmpty();
        assertThat(store.streamVersion("unknown")).isZero();
    }

    @Test
    void versionsStartAtOneAndAreContiguousPerStream() {
        appendAny("a", newEvents("a1", 1));
        appendAny("b", newEvents("b1", 2));
        appendAny("a", newEvents("a2", 3));

        assertThat(readWholeStream("a")).extracting(EventEnvelope::streamId, EventEnvelope::streamVersion)
                .containsExactly(tuple("a", 1L), tuple("a", 2L), tuple("a", 3L), tuple("a", 4L));
        assertThat(readWholeStream("b")).extracting(EventEnvelope::streamId, EventEnvelope::streamVersion)
                .containsExactly(tuple("b", 1L), tuple("b", 2L));
        assertThat(store.streamVersion("a")).isEqualTo(4);
        assertThat(store.streamVersion("b")).isEqualTo(2);
    }

    @Test
    void globalPositionsStartAtOneAndAreContiguousAcrossStreamsInAppendOrder() {
        appendAny("a", List.of(newEvent("first", 1)));
        appendAny("b", List.of(newEvent("second", 2), newEvent("third", 3)));
        appendAny("a", List.of(newEvent("fourth", 4)));
        appendAny("c", List.of(newEvent("fifth", 5)));

        assertThat(store.readAll(0, 100))
                .extracting(EventEnvelope::globalPosition, EventEnvelope::streamId, EventEnvelope::streamVersion,
                        e -> e.event(ConformanceEvent.class).text())
                .containsExactly(
                        tuple(1L, "a", 1L, "first"),
                        tuple(2L, "b", 1L, "second"),
                        tuple(3L, "b", 2L, "third"),
                        tuple(4L, "a", 2L, "fourth"),
                        tuple(5L, "c", 1L, "fifth"));
        assertThat(store.headPosition()).isEqualTo(5);
    }

    @Test
    void envelopeCarriesEverythingTheEventWasAppendedWith() {
        UUID eventId = EventIds.next();
        NewEvent event = new NewEvent(eventId, TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent("opened", 42),
                "correlation-1", "causation-1", Map.of("user", "alice", "tenant", "t-7"));
        appendAny("other", newEvents("other", 2));
        Instant before = Instant.now();

        AppendResult result = appendAny("account-1", List.of(event));

        Instant after = Instant.now();
        List<EventEnvelope> read = store.readStream("account-1", 1, 10);
        assertThat(read).hasSize(1);
        EventEnvelope envelope = read.get(0);
        assertThat(envelope.eventId()).isEqualTo(eventId);
        assertThat(envelope.streamId()).isEqualTo("account-1");
        assertThat(envelope.streamVersion()).isEqualTo(1);
        assertThat(envelope.globalPosition()).isEqualTo(3);
        assertThat(envelope.typeName()).isEqualTo("ConformanceEvent");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.correlationId()).isEqualTo("correlation-1");
        assertThat(envelope.causationId()).isEqualTo("causation-1");
        assertThat(envelope.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("user", "alice", "tenant", "t-7"));
        assertThat(envelope.event()).isEqualTo(new ConformanceEvent("opened", 42));
        assertTimestampBetween(envelope.timestamp(), before, after);
        assertThat(result.events()).containsExactly(envelope);
        assertThat(store.readAll(2, 10)).containsExactly(envelope);
    }

    @Test
    void envelopeKeepsAbsentCorrelationCausationAndMetadataAbsent() {
        NewEvent event = new NewEvent(EventIds.next(), TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent("bare", 0),
                null, null, null);

        appendAny("bare", List.of(event));

        EventEnvelope envelope = store.readStream("bare", 1, 1).get(0);
        assertThat(envelope.eventId()).isEqualTo(event.eventId());
        assertThat(envelope.correlationId()).isNull();
        assertThat(envelope.causationId()).isNull();
        assertThat(envelope.metadata()).isEmpty();
        assertThat(envelope.event()).isEqualTo(new ConformanceEvent("bare", 0));
    }

    @Test
    void appendResultCarriesStreamVersionAndStoredEnvelopes() {
        appendAny("s", newEvents("old", 2));
        List<NewEvent> events = newEvents("new", 3);

        AppendResult result = appendAny("s", events);

        assertThat(result.streamId()).isEqualTo("s");
        assertThat(result.streamVersion()).isEqualTo(5);
        assertThat(result.duplicate()).isFalse();
        assertThat(result.events())
                .extracting(EventEnvelope::eventId, EventEnvelope::streamId, EventEnvelope::streamVersion,
                        EventEnvelope::globalPosition, EventEnvelope::event)
                .containsExactly(
                        tuple(events.get(0).eventId(), "s", 3L, 3L, new ConformanceEvent("new-0", 0)),
                        tuple(events.get(1).eventId(), "s", 4L, 4L, new ConformanceEvent("new-1", 1)),
                        tuple(events.get(2).eventId(), "s", 5L, 5L, new ConformanceEvent("new-2", 2)));
        assertThat(store.readStream("s", 3, 10)).isEqualTo(result.events());
    }

    @Test
    void readStreamStartsAtTheGivenVersionAndPagesWithMaxCount() {
        appendAny("paged", newEvents("e", 5));
        appendAny("noise", newEvents("noise", 3));

        assertThat(store.readStream("paged", 1, 2)).extracting(EventEnvelope::streamVersion).containsExactly(1L, 2L);
        assertThat(store.readStream("paged", 3, 2)).extracting(EventEnvelope::streamVersion).containsExactly(3L, 4L);
        assertThat(store.readStream("paged", 5, 2)).extracting(EventEnvelope::streamVersion).containsExactly(5L);
        assertThat(store.readStream("paged", 6, 2)).isEmpty();
        assertThat(store.readStream("paged", 2, 100))
                .extracting(e -> e.event(ConformanceEvent.class))
                .containsExactly(new ConformanceEvent("e-1", 1), new ConformanceEvent("e-2", 2),
                        new ConformanceEvent("e-3", 3), new ConformanceEvent("e-4", 4));
        assertThat(store.readStream("paged", 0, 100)).extracting(EventEnvelope::streamVersion)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void readAllPagesOverSeveralStreamsInAppendOrder() {
        appendAny("x", newEvents("x1", 2));
        appendAny("y", newEvents("y1", 1));
        appendAny("z", newEvents("z1", 2));
        appendAny("x", newEvents("x2", 2));

        assertThat(store.readAll(0, 3)).extracting(EventEnvelope::globalPosition, EventEnvelope::streamId)
                .containsExactly(tuple(1L, "x"), tuple(2L, "x"), tuple(3L, "y"));
        assertThat(store.readAll(3, 3)).extracting(EventEnvelope::globalPosition, EventEnvelope::streamId)
                .containsExactly(tuple(4L, "z"), tuple(5L, "z"), tuple(6L, "x"));
        assertThat(store.readAll(6, 3)).extracting(EventEnvelope::globalPosition, EventEnvelope::streamId,
                EventEnvelope::streamVersion).containsExactly(tuple(7L, "x", 4L));
        assertThat(store.readAll(7, 3)).isEmpty();
        assertThat(store.readAll(100, 3)).isEmpty();
        assertThat(store.readAll(4, 100)).extracting(EventEnvelope::globalPosition).containsExactly(5L, 6L, 7L);
    }

    @Test
    void aReadForSomeStreamsKeepsTheirEventsInOrderAndSaysHowFarItWentOverTheOthers() {
        appendAny("x", newEvents("x1", 2));
        appendAny("y", newEvents("y1", 1));
        appendAny("z", newEvents("z1", 2));
        appendAny("x", newEvents("x2", 2));
        List<EventEnvelope> all = store.readAll(0, 100);

        LogPage first = store.readAll(0, 4, stream -> !stream.equals("y"));
        assertThat(first.events()).extracting(EventEnvelope::globalPosition, EventEnvelope::streamId)
                .containsExactly(tuple(1L, "x"), tuple(2L, "x"), tuple(4L, "z"));
        assertThat(first.events()).containsExactlyElementsOf(all.stream()
                .filter(event -> event.globalPosition() <= 4 && !event.streamId().equals("y")).toList());
        assertThat(first.readTo()).isEqualTo(4);
        assertThat(first.readToTime()).isEqualTo(all.get(3).timestamp());

        LogPage none = store.readAll(2, 3, "y"::equals);
        assertThat(none.events()).extracting(EventEnvelope::globalPosition).containsExactly(3L);
        assertThat(none.readTo()).isEqualTo(5);
        assertThat(store.readAll(3, 2, "y"::equals).events()).as("read past y's events: none").isEmpty();
        assertThat(store.readAll(3, 2, "y"::equals).readTo()).isEqualTo(5);
        LogPage end = store.readAll(7, 10, stream -> true);
        assertThat(end.events()).isEmpty();
        assertThat(end.empty(7)).isTrue();
        assertThat(end.readTo()).isEqualTo(7);
        assertThat(store.readAll(6, 10, stream -> false).empty(6)).isFalse();
    }

    @Test
    void headPositionIsThePositionOfTheNewestEvent() {
        assertThat(store.headPosition()).isZero();
        appendAny("a", newEvents("a", 3));
        assertThat(store.headPosition()).isEqualTo(3);
        appendAny("b", newEvents("b", 1));
        assertThat(store.headPosition()).isEqualTo(4);
    }

    @Test
    void noStreamOnExistingStreamConflicts() {
        appendAny("a", newEvents("a", 2));

        ConcurrencyConflictException conflict = conflictOf(
                () -> store.append("a", noStream(), List.of(newEvent("late", 0))));

        assertThat(conflict.streamId()).isEqualTo("a");
        assertThat(conflict.expectedVersion()).isZero();
        assertThat(conflict.actualVersion()).isEqualTo(2);
        assertThat(conflict)
                .hasMessage("AF1104: Stream 'a' is at version 2, but the append expected no stream (version 0)");
        assertThat(conflict.messageId()).isEqualTo("AF1104");
    }

    @Test
    void wrongExpectedVersionConflicts() {
        appendAny("a", newEvents("a", 2));

        ConcurrencyConflictException conflict = conflictOf(
                () -> store.append("a", streamVersionEq(1), List.of(newEvent("late", 0))));

        assertThat(conflict.streamId()).isEqualTo("a");
        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.actualVersion()).isEqualTo(2);
        assertThat(conflict).hasMessage("AF1104: Stream 'a' is at version 2, but the append expected version 1");
    }

    @Test
    void expectedVersionOnUnknownStreamConflicts() {
        ConcurrencyConflictException conflict = conflictOf(
                () -> store.append("nowhere", streamVersionEq(3), List.of(newEvent("lost", 0))));

        assertThat(conflict.streamId()).isEqualTo("nowhere");
        assertThat(conflict.expectedVersion()).isEqualTo(3);
        assertThat(conflict.actualVersion()).isZero();
        assertThat(conflict).hasMessage("AF1104: Stream 'nowhere' is at version 0, but the append expected version 3");
        assertThat(store.streamVersion("nowhere")).isZero();
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void expectedVersionBeyondTheStreamConflictsWithTheStreamsVersion() {
        appendAny("a", newEvents("a", 2));

        ConcurrencyConflictException conflict = conflictOf(
                () -> store.append("a", streamVersionEq(5), List.of(newEvent("early", 0))));

        assertThat(conflict).hasMessage("AF1104: Stream 'a' is at version 2, but the append expected version 5");
        assertThat(store.streamVersion("a")).isEqualTo(2);
    }

    @Test
    void refusedAppendStoresNothing() {
        appendAny("a", newEvents("a", 2));
        appendAny("b", newEvents("b", 1));
        List<EventEnvelope> logBefore = readWholeLog();
        List<EventEnvelope> streamBefore = readWholeStream("a");

        conflictOf(() -> store.append("a", streamVersionEq(1), newEvents("refused", 3)));
        conflictOf(() -> store.append("a", noStream(), newEvents("refused", 2)));
        conflictOf(() -> store.append("c", streamVersionEq(4), newEvents("refused", 1)));

        assertThat(readWholeLog()).isEqualTo(logBefore);
        assertThat(readWholeStream("a")).isEqualTo(streamBefore);
        assertThat(store.streamVersion("a")).isEqualTo(2);
        assertThat(store.streamVersion("c")).isZero();
        assertThat(store.readStream("c", 1, 10)).isEmpty();
        assertThat(store.headPosition()).isEqualTo(3);

        AppendResult next = store.append("a", streamVersionEq(2), List.of(newEvent("accepted", 0)));
        assertThat(next.events()).extracting(EventEnvelope::streamVersion, EventEnvelope::globalPosition)
                .containsExactly(tuple(3L, 4L));
    }

    @Test
    void anyConditionAlwaysAppends() {
        AppendResult first = store.append("a", any(), List.of(newEvent("first", 1)));
        AppendResult second = store.append("a", any(), List.of(newEvent("second", 2)));
        AppendResult third = store.append("a", any(), List.of(newEvent("third", 3)));

        assertThat(List.of(first, second, third)).extracting(AppendResult::streamVersion)
                .containsExactly(1L, 2L, 3L);
        assertThat(readWholeStream("a")).extracting(e -> e.event(ConformanceEvent.class).text())
                .containsExactly("first", "second", "third");
    }

    @Test
    void matchingConditionAppends() {
        AppendResult created = store.append("a", noStream(), List.of(newEvent("created", 1)));
        AppendResult fromZero = store.append("b", streamVersionEq(0), List.of(newEvent("b-created", 1)));
        AppendResult continued = store.append("a", streamVersionEq(1), newEvents("continued", 2));
        AppendResult again = store.append("a", streamVersionEq(3), List.of(newEvent("again", 4)));

        assertThat(created.streamVersion()).isEqualTo(1);
        assertThat(fromZero.streamVersion()).isEqualTo(1);
        assertThat(continued.streamVersion()).isEqualTo(3);
        assertThat(again.streamVersion()).isEqualTo(4);
        assertThat(readWholeStream("a")).extracting(e -> e.event(ConformanceEvent.class).text())
                .containsExactly("created", "continued-0", "continued-1", "again");
        assertThat(store.headPosition()).isEqualTo(5);
    }

    @Test
    void multiEventAppendIsStoredContiguously() {
        appendAny("before", newEvents("before", 2));
        List<NewEvent> events = newEvents("batch", 4);

        AppendResult result = store.append("batch", noStream(), events);

        assertThat(result.events()).extracting(EventEnvelope::eventId, EventEnvelope::streamVersion,
                EventEnvelope::globalPosition).containsExactly(
                        tuple(events.get(0).eventId(), 1L, 3L),
                        tuple(events.get(1).eventId(), 2L, 4L),
                        tuple(events.get(2).eventId(), 3L, 5L),
                        tuple(events.get(3).eventId(), 4L, 6L));
        assertThat(store.readAll(2, 100)).isEqualTo(result.events());
        assertThat(readWholeStream("batch")).isEqualTo(result.events());
    }

    @Test
    void emptyAppendChecksItsCondition() {
        appendAny("a", newEvents("a", 2));

        ConcurrencyConflictException conflict = conflictOf(() -> store.append("a", streamVersionEq(1), List.of()));

        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.actualVersion()).isEqualTo(2);
        assertThat(store.append("a", streamVersionEq(2), List.of()))
                .isEqualTo(new AppendResult("a", 2, List.of(), false));
    }

    @Test
    void emptyAppendWithoutKeyStoresNothing() {
        appendAny("a", newEvents("a", 2));
        List<EventEnvelope> logBefore = readWholeLog();

        AppendResult onExisting = store.append("a", any(), List.of());
        AppendResult onUnknown = store.append("fresh", any(), List.of());

        assertThat(onExisting).isEqualTo(new AppendResult("a", 2, List.of(), false));
        assertThat(onUnknown).isEqualTo(new AppendResult("fresh", 0, List.of(), false));
        assertThat(readWholeLog()).isEqualTo(logBefore);
        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(store.streamVersion("a")).isEqualTo(2);
        assertThat(store.streamVersion("fresh")).isZero();
        assertThat(store.readStream("fresh", 1, 10)).isEmpty();
        assertThat(appendAny("a", newEvents("next", 1)).events())
                .extracting(EventEnvelope::streamVersion, EventEnvelope::globalPosition)
                .containsExactly(tuple(3L, 3L));
    }
}
