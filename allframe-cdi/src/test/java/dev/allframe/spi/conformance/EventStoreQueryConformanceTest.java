package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static dev.allframe.spi.event.AppendCondition.streamVersionEq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.allframe.EventEnvelope;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.command.UnstorableValueException;
import dev.allframe.core.EventIds;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tagged events, reads by query and appends conditioned on a query (dynamic consistency boundaries, as dcb.events
 * specifies them): every event store that {@linkplain dev.allframe.spi.event.AppendToEventStream#checksQueryConditions()
 * checks query conditions} must pass it. Besides the suite's {@code ConformanceEvent} it appends
 * {@link ConformanceSeat} events under the type name {@value #SEAT}; a store that decodes events must know both.
 */
public abstract class EventStoreQueryConformanceTest extends EventStoreConformanceSupport {

    /** The stored type name of the seats the suite appends. */
    protected static final String SEAT = "ConformanceSeat";

    private static final int THREADS = 8;
    private static final int CAPACITY = 5;

    @Test
    void theStoreChecksQueryConditions() {
        assertThat(store.checksQueryConditions()).isTrue();
    }

    @Test
    void tagsAreStoredWithTheEventAndEveryReadGivesThemBack() {
        AppendResult appended = store.append("course-c1", any(), List.of(seat("c1", "s1")));

        Set<String> tags = Set.of("course:c1", "student:s1");
        assertThat(appended.events().get(0).tags()).isEqualTo(tags);
        assertThat(readWholeStream("course-c1").get(0).tags()).isEqualTo(tags);
        assertThat(readWholeLog().get(0).tags()).isEqualTo(tags);
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 10).get(0).tags()).isEqualTo(tags);
        assertThat(readWholeLog().get(0).event()).isEqualTo(new ConformanceSeat("c1", "s1"));
    }

    @Test
    void anEventWithoutTagsHasNone() {
        appendAny("s", newEvents("plain", 1));

        assertThat(readWholeLog().get(0).tags()).isEmpty();
    }

    @Test
    void aQueryMatchesItsItemsOredTheirTypesOredAndTheirTagsAnded() {
        store.append("course-c1", any(), List.of(seat("c1", "s1"), seat("c1", "s2")));
        store.append("course-c2", any(), List.of(seat("c2", "s1")));
        store.append("notes", any(), List.of(tagged(newEvent("note", 1), "course:c1"), newEvent("untagged", 2)));

        assertThat(positions(EventQuery.tagged("course:c1"))).containsExactly(1L, 2L, 4L);
        assertThat(positions(EventQuery.tagged("course:c1", "student:s1"))).containsExactly(1L);
        assertThat(positions(EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT)))).containsExactly(1L, 2L);
        assertThat(positions(EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT, TYPE_NAME))))
                .containsExactly(1L, 2L, 4L);
        assertThat(positions(EventQuery.of(QueryItem.tagged("student:s1"), QueryItem.tagged("course:c2"),
                QueryItem.ofTypes(TYPE_NAME)))).containsExactly(1L, 3L, 4L, 5L);
        assertThat(positions(EventQuery.of(QueryItem.ofTypes(SEAT)))).containsExactly(1L, 2L, 3L);
        assertThat(positions(EventQuery.tagged("course:c3"))).isEmpty();
        assertThat(positions(EventQuery.all())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(positions(EventQuery.of(new QueryItem(Set.of(), Set.of())))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aQueryReadsAfterAPositionAndAtMostTheCountAskedFor() {
        for (int i = 0; i < 30; i++) {
            store.append("course-c1", any(), List.of(seat("c1", "s" + i), seat("c2", "s" + i)));
        }
        EventQuery query = EventQuery.of(QueryItem.tagged("course:c1"), QueryItem.tagged("student:s3"));

        assertThat(store.read(query, 0, 3)).extracting(EventEnvelope::globalPosition).containsExactly(1L, 3L, 5L);
        assertThat(store.read(query, 5, 4)).extracting(EventEnvelope::globalPosition)
                .containsExactly(7L, 8L, 9L, 11L);
        assertThat(store.read(query, 59, 10)).extracting(EventEnvelope::globalPosition).containsExactly();
        assertThat(store.read(query, 0, 100)).hasSize(31);
        assertThat(store.read(query, 0, 0)).isEmpty();
    }

    @Test
    void anAppendWhoseQueryMatchedNothingNewIsStored() {
        store.append("course-c1", any(), List.of(seat("c1", "s1")));
        store.append("course-c2", any(), List.of(seat("c2", "s2")));
        long seen = store.headPosition();
        store.append("course-c2", any(), List.of(seat("c2", "s3")));
        store.append("other", any(), List.of(tagged(newEvent("other type", 1), "course:c1")));

        AppendResult result = store.append(new AppendRequest("course-c1", any(), List.of(seat("c1", "s4")), null)
                .onlyIf(new QueryCondition(EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT)), seen)));

        assertThat(result.events()).extracting(EventEnvelope::globalPosition).containsExactly(5L);
        assertThat(positions(EventQuery.tagged("course:c1"))).containsExactly(1L, 4L, 5L);
    }

    @Test
    void anAppendWhoseQueryMatchesAnEventStoredSinceIsRefusedAndStoresNothing() {
        store.append("course-c1", any(), List.of(seat("c1", "s1")));
        long seen = store.headPosition();
        store.append("course-c1", any(), List.of(seat("c1", "s2")));
        EventQuery query = EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT));

        QueryConflictException conflict = catchThrowableOfType(QueryConflictException.class,
                () -> store.append(new AppendRequest("course-c1", any(), List.of(seat("c1", "s3")), null)
                        .onlyIf(new QueryCondition(query, seen))));

        assertThat(conflict).hasMessage("AF1174: The append to stream 'course-c1' was decided over events of types"
                + " [ConformanceSeat] tagged [course:c1] up to position 1, but the event at position 2 (type"
                + " 'ConformanceSeat' in stream 'course-c1') matches that query; nothing was stored");
        assertThat(conflict.after()).isEqualTo(1);
        assertThat(conflict.matchingPosition()).isEqualTo(2);
        assertThat(conflict.query()).isEqualTo(query);
        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(readWholeLog()).extracting(e -> e.event(ConformanceSeat.class).student())
                .containsExactly("s1", "s2");
    }

    @Test
    void aQueryOfEveryEventRefusesAnyEventStoredSince() {
        appendAny("a", newEvents("first", 1));
        appendAny("b", newEvents("second", 1));

        QueryConflictException conflict = catchThrowableOfType(QueryConflictException.class,
                () -> store.append(new AppendRequest("c", any(), newEvents("third", 1), null)
                        .onlyIf(new QueryCondition(EventQuery.all(), 1))));

        assertThat(conflict.matchingPosition()).isEqualTo(2);
        store.append(new AppendRequest("c", any(), newEvents("third", 1), null)
                .onlyIf(new QueryCondition(EventQuery.all(), 2)));
        assertThat(store.headPosition()).isEqualTo(3);
    }

    @Test
    void bothConditionsMustHold() {
        store.append("course-c1", any(), List.of(seat("c1", "s1")));
        EventQuery query = EventQuery.tagged("course:c1");

        assertThatThrownBy(() -> store.append(new AppendRequest("course-c1", streamVersionEq(2),
                List.of(seat("c1", "s2")), null).onlyIf(new QueryCondition(query, 1))))
                .isExactlyInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> store.append(new AppendRequest("course-c1", streamVersionEq(1),
                List.of(seat("c1", "s2")), null).onlyIf(new QueryCondition(query, 0))))
                .isExactlyInstanceOf(QueryConflictException.class);
        store.append(new AppendRequest("course-c1", streamVersionEq(1), List.of(seat("c1", "s2")), null)
                .onlyIf(new QueryCondition(query, 1)));
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void aKnownIdempotencyKeyIsADuplicateWhateverTheQuery() {
        AppendResult first = store.append(new AppendRequest("course-c1", any(), List.of(seat("c1", "s1")), "key-1"));

        AppendResult again = store.append(new AppendRequest("course-c1", any(), List.of(seat("c1", "s1")), "key-1")
                .onlyIf(new QueryCondition(EventQuery.tagged("course:c1"), 0)));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(first.events().stream().map(EventEnvelope::eventId).toList());
        assertThat(again.events().get(0).tags()).containsExactlyInAnyOrder("course:c1", "student:s1");
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void aTagNoStoreKeepsIsRefusedBeforeAnythingIsStored() {
        String tooLong = "t".repeat(201);

        UnstorableValueException refused = catchThrowableOfType(UnstorableValueException.class,
                () -> store.append("s", any(), List.of(tagged(newEvent("long", 1), tooLong))));

        assertThat(refused).hasMessage("AF1186: Append to stream 's' refused: its tag is 201 characters long, more"
                + " than the 200 every event store keeps; nothing was stored");
        assertThat(store.headPosition()).isZero();
        store.append("s", any(), List.of(tagged(newEvent("longest", 1), "t".repeat(200))));
        assertThat(store.read(EventQuery.tagged("t".repeat(200)), 0, 10)).hasSize(1);
    }

    /** Eight writers decide on the last seat from the same read: one takes it, seven are refused. */
    @Test
    void writersThatDecidedOnTheSameReadGetOneSeatBetweenThem() throws InterruptedException {
        for (int i = 0; i < CAPACITY - 1; i++) {
            store.append("course-c1", any(), List.of(seat("c1", "early" + i)));
        }
        CyclicBarrier decided = new CyclicBarrier(THREADS);

        List<Boolean> took = runConcurrently(THREADS, writer -> () -> {
            EventQuery course = EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT));
            List<EventEnvelope> seats = store.read(course, 0, 100);
            long seen = seats.isEmpty() ? 0 : seats.get(seats.size() - 1).globalPosition();
            decided.await(concurrentTestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (seats.size() >= CAPACITY) {
                return false;
            }
            try {
                store.append(new AppendRequest("student-" + writer, any(), List.of(seat("c1", "w" + writer)), null)
                        .onlyIf(new QueryCondition(course, seen)));
                return true;
            } catch (QueryConflictException e) {
                return false;
            }
        });

        assertThat(took).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 100)).hasSize(CAPACITY);
    }

    /**
     * Eight writers each try to take seats in a course of limited capacity, deciding again after each refusal: the
     * course ends exactly full, and the refusals were reported to the writers.
     */
    @Test
    void writersRetryingOnConflictsFillACourseExactlyToItsCapacity() throws InterruptedException {
        List<int[]> outcomes = runConcurrently(THREADS, writer -> () -> {
            int taken = 0;
            int refused = 0;
            EventQuery course = EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT));
            for (int attempt = 0; attempt < 1_000; attempt++) {
                List<EventEnvelope> seats = store.read(course, 0, 1_000);
                if (seats.size() >= CAPACITY * 2) {
                    return new int[] {taken, refused};
                }
                long seen = seats.isEmpty() ? 0 : seats.get(seats.size() - 1).globalPosition();
                try {
                    store.append(new AppendRequest("student-" + writer, any(),
                            List.of(seat("c1", "w" + writer + "-" + attempt)), null)
                            .onlyIf(new QueryCondition(course, seen)));
                    taken++;
                } catch (QueryConflictException e) {
                    refused++;
                }
            }
            throw new AssertionError("writer " + writer + " did not see the course full after 1,000 attempts");
        });

        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 1_000)).hasSize(CAPACITY * 2);
        assertThat(outcomes.stream().mapToInt(outcome -> outcome[0]).sum()).isEqualTo(CAPACITY * 2);
        assertThat(readWholeLog()).hasSize(CAPACITY * 2);
    }

    /** A seat of {@code student} in {@code course}, tagged with both. */
    protected static NewEvent seat(String course, String student) {
        return new NewEvent(EventIds.next(), SEAT, SCHEMA_VERSION, new ConformanceSeat(course, student), null, null,
                Map.of(), Set.of("course:" + course, "student:" + student));
    }

    /** {@code event} carrying {@code tags}. */
    protected static NewEvent tagged(NewEvent event, String... tags) {
        return new NewEvent(event.eventId(), event.typeName(), event.schemaVersion(), event.event(),
                event.correlationId(), event.causationId(), event.metadata(), Set.of(tags));
    }

    private List<Long> positions(EventQuery query) {
        return store.read(query, 0, 1_000).stream().map(EventEnvelope::globalPosition).toList();
    }
}
