package dev.allframe.spi.checkpoint;

import dev.allframe.projection.ProjectionStatus;

/**
 * What operators asked of a projection that nodes share, and where it stopped: kept beside its lease, so that a pause,
 * a resume, a rebuild or a failure takes effect, and shows, on every node, whichever node it was asked of or happened
 * on.
 *
 * @param paused        whether it is paused
 * @param resetPending  a rebuild was asked, and the node holding the projection is yet to reset its read model and
 *                      checkpoint: it does so before its next batch, where the read model is
 * @param rebuildTarget the head position a rebuild replays up to; it is over once the checkpoint reached it (0: none)
 * @param failure       the event it stopped at, {@code null} while it runs
 */
public record ProjectionControl(boolean paused, boolean resetPending, long rebuildTarget,
                                ProjectionStatus.Failure failure) {

    /** Nothing asked, nothing failed. */
    public static final ProjectionControl NONE = new ProjectionControl(false, false, 0, null);

    public ProjectionControl withPaused(boolean newPaused) {
        return new ProjectionControl(newPaused, resetPending, rebuildTarget, failure);
    }

    /** A rebuild up to {@code target}, still to be reset; it clears a pause and a failure. */
    public ProjectionControl rebuildTo(long target) {
        return new ProjectionControl(false, true, target, null);
    }

    /**
     * A rebuild up to {@code target} whose reset is done (a projection split into segments is reset as a whole where
     * the rebuild is asked); it clears a pause and a failure.
     */
    public ProjectionControl replayTo(long target) {
        return new ProjectionControl(false, false, target, null);
    }

    /** The rebuild's reset was done. */
    public ProjectionControl reset() {
        return new ProjectionControl(paused, false, rebuildTarget, failure);
    }

    public ProjectionControl withRebuildTarget(long target) {
        return new ProjectionControl(paused, resetPending, target, failure);
    }

    public ProjectionControl withFailure(ProjectionStatus.Failure newFailure) {
        return new ProjectionControl(paused, resetPending, rebuildTarget, newFailure);
    }

    /** Whether a rebuild is still to be done: to reset, or to replay up to its target from {@code checkpoint}. */
    public boolean rebuildingAt(long checkpoint) {
        return resetPending || rebuildTarget > checkpoint;
    }
}
