package dev.allframe.spi.snapshot;

import static java.util.Objects.requireNonNull;

/**
 * The aggregate state of a stream as it was after {@code streamVersion}.
 *
 * @param stateFingerprint identifies the state class's shape; a snapshot is only used while the class
 *                         still has the shape it was written with
 */
public record Snapshot(String streamId, long streamVersion, String stateFingerprint, Object state) {

    public Snapshot {
        requireNonNull(streamId, "streamId");
        requireNonNull(stateFingerprint, "stateFingerprint");
        requireNonNull(state, "state");
    }
}
