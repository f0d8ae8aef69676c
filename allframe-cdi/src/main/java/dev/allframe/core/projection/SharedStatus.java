package dev.allframe.core.projection;

import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.ProjectionControl;
import java.time.Instant;

/**
 * The status of a projection that nodes share, the same whichever node answers: its position is the stored
 * checkpoint, its state what the stored control says (failed, paused, rebuilding until the node holding it reset it
 * and its checkpoint reached the rebuild's target, else running).
 */
final class SharedStatus {

    private SharedStatus() {
    }

    /** {@code local}, this node's view, with what every node sees put in its place. */
    static ProjectionStatus of(ProjectionStatus local, ProjectionControl control, long checkpoint) {
        ProjectionState state = control.failure() != null ? ProjectionState.FAILED
                : control.paused() ? ProjectionState.PAUSED
                : control.rebuildingAt(checkpoint) ? ProjectionState.REBUILDING : ProjectionState.RUNNING;
        Instant lastEventTime = local.position() == checkpoint ? local.lastEventTime() : null;
        ProjectionStatus.RebuildProgress rebuild = state == ProjectionState.REBUILDING
                ? new ProjectionStatus.RebuildProgress(control.resetPending() ? 0 : checkpoint, control.rebuildTarget())
                : null;
        return new ProjectionStatus(local.name(), local.mode(), state, checkpoint, lastEventTime, local.head(),
                control.failure(), rebuild, local.parked(), local.owner());
    }
}
