package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.ConcurrencyConflictException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.eventstore.AppendCondition;
import dev.allframe.eventstore.AppendRequest;
import dev.allframe.eventstore.NewEvent;
import dev.allframe.eventstore.conformance.ConformanceEvent;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's own append path (one round trip before the commit) and the portable one, taken by keyed
 * appends, share the head: a refused append leaves no trace in it, and both paths number events on
 * without a hole.
 */
@RequiresPostgres
class PostgresAppendPathTest {

    private JpaEventStore store;

    @BeforeEach
    void emptyStore() {
        store = TestDatabase.POSTGRESQL.freshStore();
    }

    @Test
    void aRefusedAppendLeavesTheHeadWhereItWas() {
        store.append(request("a", AppendCondition.noStream(), null, 2));

        assertThatThrownBy(() -> store.append(request("a", AppendCondition.streamVersionEq(5), null, 3)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(5);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> store.append(request("a", AppendCondition.noStream(), null, 1)))
                .isInstanceOf(ConcurrencyConflictException.class);

        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(store.append(request("b", AppendCondition.any(), null, 1)).events())
                .extracting(EventEnvelope::globalPosition).containsExactly(3L);
    }

    @Test
    void keyedAndUnkeyedAppendsNumberEventsWithoutHoles() {
        store.append(request("a", AppendCondition.any(), null, 2));
        store.append(request("a", AppendCondition.streamVersionEq(2), "key-1", 2));
        store.append(request("b", AppendCondition.noStream(), null, 3));
        store.append(request("a", AppendCondition.streamVersionEq(4), "key-2", 1));

        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::globalPosition)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(store.readStream("a", 1, 100)).extracting(EventEnvelope::streamVersion)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.headPosition()).isEqualTo(8);
    }

    private static AppendRequest request(String stream, AppendCondition condition, String key, int events) {
        List<NewEvent> list = IntStream.range(0, events)
                .mapToObj(i -> new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(stream, i),
                        null, null, null))
                .toList();
        return new AppendRequest(stream, condition, list, key);
    }
}
