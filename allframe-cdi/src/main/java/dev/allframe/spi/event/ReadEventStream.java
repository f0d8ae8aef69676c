package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.List;

/** Reads one stream. */
public interface ReadEventStream {

    /**
     * Up to {@code maxCount} events of the stream with a version of {@code fromVersion} or more, in
     * version order; empty for an unknown stream.
     */
    List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount);

    /** The stream's version: the version of its last event, or 0 when it has none. */
    long streamVersion(String streamId);
}
