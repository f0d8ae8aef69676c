package dev.allframe.command;

import dev.allframe.AllFrameException;
import dev.allframe.MessageTemplate;

/**
 * An append's condition did not hold: the stream's version was not the expected one. Nothing of the
 * append was stored.
 */
public class ConcurrencyConflictException extends AllFrameException {

    private static final MessageTemplate AF1104 = new MessageTemplate("AF1104",
            "Stream '%s' is at version %s, but the append expected %s");

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * @param expectedVersion the version the append expected (0: no stream)
     * @param actualVersion   the stream's version when the append was refused
     */
    public ConcurrencyConflictException(String streamId, long expectedVersion, long actualVersion) {
        super(AF1104.with(streamId, actualVersion,
                expectedVersion == 0 ? "no stream (version 0)" : "version " + expectedVersion));
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
