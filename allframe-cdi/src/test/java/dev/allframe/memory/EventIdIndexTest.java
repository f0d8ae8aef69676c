package dev.allframe.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdIndexTest {

    private final EventIdIndex index = new EventIdIndex();

    @Test
    void everyIdAddedIsFoundAndNoOther() {
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            UUID id = i % 3 == 0 ? UUID.randomUUID() : EventIds.next();
            index.add(id);
            added.add(id);
        }

        assertThat(added).allMatch(index::contains);
        for (int i = 0; i < 1_000; i++) {
            assertThat(index.contains(EventIds.next())).isFalse();
            assertThat(index.contains(UUID.randomUUID())).isFalse();
        }
    }

    @Test
    void anOlderTimeOrderedIdIsFoundAfterNewerOnes() {
        UUID older = new UUID((1_000L << 16) | 0x7000L, 0x8000_0000_0000_0001L);
        UUID sameMillisecond = new UUID((1_000L << 16) | 0x7000L | 5, 0x8000_0000_0000_0002L);
        UUID newer = new UUID((2_000L << 16) | 0x7000L, 0x8000_0000_0000_0001L);
        index.add(older);
        index.add(newer);

        assertThat(index.contains(older)).isTrue();
        assertThat(index.contains(newer)).isTrue();
        assertThat(index.contains(sameMillisecond)).isFalse();
        assertThat(index.contains(new UUID((3_000L << 16) | 0x7000L, 1))).isFalse();
    }
}
