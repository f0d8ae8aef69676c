package dev.allframe.projection;

import dev.allframe.command.CommandResult;
import java.time.Duration;
import java.util.List;

/** The application's projections: their status, and rebuild, pause, resume and read-your-writes. */
public interface ProjectionRegistry {

    /** Every projection's status, by name. */
    List<ProjectionStatus> list();

    /**
     * @throws NoSuchProjectionException no projection has this name
     */
    ProjectionStatus status(String name);

    /**
     * Resets the projection (its {@code reset()} method) and replays the whole log into it in batches,
     * in the background; {@link #status} shows the progress. An inline projection keeps receiving new
     * events meanwhile.
     */
    void rebuild(String name);

    /** Stops an async projection after its current batch. */
    void pause(String name);

    /** Continues a paused or failed projection; a failed one retries the event it failed on. */
    void resume(String name);

    /**
     * Waits until the projection has applied the event at {@code position} (for instance
     * {@link CommandResult#lastPosition()}), so that a caller can read its own writes.
     *
     * @return {@code false} when the timeout passed first
     */
    boolean awaitPosition(String name, long position, Duration timeout) throws InterruptedException;
}
