package dev.allframe.spi.event;

/** Told what a process sharing the store committed: see {@link RemoteChanges}. Called by one thread at a time. */
public interface RemoteChangeListener {

    /** Events were appended: the log's committed head is at least {@code head}. */
    void appended(long head);

    /** The projection's checkpoint is at {@code checkpoint}: its read model shows the events up to there. */
    void progressed(String projection, long checkpoint);

    /** What is asked of the projection changed, or the failure it stopped at (pause, resume, rebuild, a failure). */
    void controlled(String projection);

    /** Listening stopped for {@code cause}: nothing is told any more until the store is listened to again. */
    void lost(Throwable cause);
}
