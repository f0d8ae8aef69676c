package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.TagBackfiller;
import dev.allframe.event.EventQuery;
import dev.allframe.event.TagBackfill;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events stored before their class carried its tags (or with other tags) get the tags their class gives them now,
 * on every database: in reads, in queries and in the tags' table, page after page; their events stay as they were,
 * and a second run finds nothing to do.
 */
class TagBackfillTest {

    private static final int EVENTS = 1_203;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storedEventsGetTheTagsTheirClassGivesThemNow(TestDatabase database) {
        assumeTrue(database != TestDatabase.POSTGRESQL || PostgresCondition.url() != null,
                "PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL");
        JpaEventStore store = database.freshStore(EventTypeRegistry.of(List.of(TaggedSeat.class)));
        List<NewEvent> untagged = new ArrayList<>();
        for (int i = 0; i < EVENTS - 1; i++) {
            untagged.add(seat("c" + i % 3, "s" + i, Set.of()));
        }
        store.append("seats", AppendCondition.any(), untagged);
        store.append("other", AppendCondition.any(), List.of(seat("c0", "ada", Set.of("old:tag", "course:c0"))));
        List<EventEnvelope> before = store.readAll(0, 2 * EVENTS);

        TagBackfill.Result result;
        try (LogCapture log = LogCapture.of(TagBackfiller.class)) {
            result = new TagBackfiller(store, "jpa").run();

            assertThat(log.linesAbout("AF1206")).containsExactly("INFO AF1206: Tags backfilled: read 1203 events up"
                    + " to position 1203 and gave 1203 of them the tags their classes give them now");
        }

        assertThat(result).isEqualTo(new TagBackfill.Result(EVENTS, EVENTS, EVENTS));
        List<EventEnvelope> after = store.readAll(0, 2 * EVENTS);
        assertThat(after.get(0).tags()).containsExactlyInAnyOrder("course:c0", "student:s0");
        assertThat(after.get(EVENTS - 1).tags()).containsExactlyInAnyOrder("course:c0", "student:ada");
        assertThat(after).extracting(EventEnvelope::event)
                .containsExactlyElementsOf(before.stream().map(EventEnvelope::event).toList());
        assertThat(after).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(before.stream().map(EventEnvelope::eventId).toList());
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 2 * EVENTS)).hasSize(401);
        assertThat(store.read(EventQuery.tagged("course:c0", "student:ada"), 0, 10))
                .extracting(EventEnvelope::streamId).containsExactly("other");
        assertThat(store.read(EventQuery.tagged("old:tag"), 0, 10)).isEmpty();
        assertThat(new TagBackfiller(store, "jpa").run()).isEqualTo(new TagBackfill.Result(EVENTS, 0, EVENTS));
    }

    private static NewEvent seat(String course, String student, Set<String> tags) {
        return new NewEvent(EventIds.next(), "TaggedSeat", 1, new TaggedSeat(course, student), null, null, Map.of(),
                tags);
    }
}
