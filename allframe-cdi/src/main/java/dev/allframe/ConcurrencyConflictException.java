package dev.allframe;

import dev.allframe.core.AllFrameMessages;

/**
 * An append's condition did not hold: the stream's version was not the expected one. Nothing of the
 * append was stored.
 */
public class ConcurrencyConflictException extends AllFrameException {

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * @param expectedVersion the version the append expected (0: no stream)
     * @param actualVersion   the stream's version when the append was refused
     */
    public ConcurrencyConflictException(String streamId, long expectedVersion, long actualVersion) {
        super(AllFrameMessages.concurrencyConflict(streamId, expectedVersion, actualVersion));
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
