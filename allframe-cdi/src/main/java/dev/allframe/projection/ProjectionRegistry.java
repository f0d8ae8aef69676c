package dev.allframe.projection;

import dev.allframe.command.CommandResult;
import java.time.Duration;
import java.util.List;

/**
 * The application's projections: their status, and rebuild, pause, resume, read-your-writes, and the events they
 * parked.
 */
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

    /**
     * Parks the event a FAILED async projection stopped at, recorded with {@code operator}, the time and
     * {@code reason}, and resumes the projection with the next event. With a transactional store, the dead letter
     * and the checkpoint past the event commit together.
     *
     * @return the parked event
     * @throws NoSuchProjectionException no projection has this name
     * @throws dev.allframe.AllFrameException the projection is not FAILED, is inline, its store keeps no dead
     *                                        letters, or the operator or the reason is blank
     */
    ParkedEvent skip(String name, String operator, String reason);

    /** The events the projection parked, in position order; none for an inline projection. */
    List<ParkedEvent> parked(String name);

    /**
     * Applies each event the projection parked again, in position order: those that apply now are no longer
     * parked; those that still fail stay, with the attempt counted and the failure recorded. The projection goes
     * on meanwhile; its batches and these retries take turns.
     */
    ParkedRetry retryParked(String name);

    /**
     * Applies the event parked at {@code position} again, as {@link #retryParked(String)} does.
     *
     * @throws dev.allframe.AllFrameException the projection has no event parked there
     */
    ParkedRetry retryParked(String name, long position);
}
