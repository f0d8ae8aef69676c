package dev.allframe.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.memory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

class TagBackfillerTest {

    /** Its events carry the tags their classes gave them when appended, in this process: nothing to backfill. */
    @Test
    void theInMemoryStoreHasNoTagsToBackfill() {
        assertThatThrownBy(() -> new TagBackfiller(new InMemoryEventStore(), "memory").run())
                .isExactlyInstanceOf(AllFrameException.class)
                .hasMessage("AF1177: The memory event store cannot give stored events other tags: its events carry"
                        + " the tags their classes gave them when they were appended");
    }
}
