package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.Set;
import java.util.function.Function;

/**
 * A store whose stored events can be given other tags: for events stored before their class carried the tags it
 * carries now ({@link dev.allframe.event.TagBackfill}). Only the tags change, never an event or its place.
 */
public interface RetagEvents {

    /**
     * Reads up to {@code maxCount} events after {@code afterPosition} and gives each whose tags are not
     * {@code tagsOf} of it those tags, in reads and in queries, all in one transaction.
     */
    RetagPage retag(long afterPosition, int maxCount, Function<EventEnvelope, Set<String>> tagsOf);

    /**
     * What one {@link #retag} did.
     *
     * @param readTo   the position of the last event read; the position read after when none was
     * @param read     how many events were read
     * @param retagged how many of them got other tags
     */
    record RetagPage(long readTo, int read, int retagged) {
    }
}
