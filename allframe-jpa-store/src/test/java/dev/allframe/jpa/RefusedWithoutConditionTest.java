package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An append that accepts any version cannot conflict on its version: when the database refuses it all the same
 * (here for an event id stored before), it is reported as that, never as a conflict with a made-up version.
 */
class RefusedWithoutConditionTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAppendToAnyVersionReusingAStoredEventIdIsRefusedAndStoresNothing(TestDatabase database) {
        assumeTrue(database != TestDatabase.POSTGRESQL || PostgresCondition.url() != null,
                "PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL");
        JpaEventStore store = database.freshStore();
        UUID taken = EventIds.next();
        store.append(new AppendRequest("a", AppendCondition.noStream(), List.of(event(taken, "first")), null));

        for (String key : new String[] {null, "key-1"}) {
            assertThatThrownBy(() -> store.append(new AppendRequest("b", AppendCondition.any(),
                    List.of(event(EventIds.next(), "second"), event(taken, "again")), key)))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2026: The append to stream 'b' accepts any version, yet the database refused it"
                            + " with SQL state 23505, an integrity constraint (is one of its event ids stored"
                            + " already?); nothing of it was stored");
        }

        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("a");
        assertThat(store.streamVersion("b")).isZero();
        assertThat(store.append(new AppendRequest("b", AppendCondition.any(),
                List.of(event(EventIds.next(), "third")), null)).events())
                .extracting(EventEnvelope::globalPosition).containsExactly(2L);
    }

    private static NewEvent event(UUID id, String text) {
        return new NewEvent(id, "ConformanceEvent", 1, new ConformanceEvent(text, 0), null, null, null);
    }
}
