package dev.allframe.projection;

import java.util.List;

/**
 * What {@link ProjectionRegistry#retryParked} did.
 *
 * @param applied     the positions of the parked events that applied now, in order; they are no longer parked
 * @param stillParked every event the projection still has parked, with the failures of this retry recorded
 */
public record ParkedRetry(List<Long> applied, List<ParkedEvent> stillParked) {

    public ParkedRetry {
        applied = List.copyOf(applied);
        stillParked = List.copyOf(stillParked);
    }
}
