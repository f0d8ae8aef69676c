package dev.allframe.test.internal;

import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;

/**
 * Waits for projections to apply every event up to a position, looking at each one's status between short waits, so
 * that one that failed ends the wait at once with its failure instead of at the timeout. On manual time, retries
 * after a failure wait for the test's time.
 */
public final class ProjectionWaiter {

    private static final Duration LOOK_EVERY = Duration.ofMillis(20);

    private ProjectionWaiter() {
    }

    public static void awaitAll(ProjectionRegistry registry, long position, Duration timeout) {
        for (ProjectionStatus status : registry.list()) {
            await(registry, status.name(), position, timeout);
        }
    }

    private static void await(ProjectionRegistry registry, String name, long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ProjectionStatus status = registry.status(name);
            if (status.state() == ProjectionState.FAILED && status.failure() != null) {
                ProjectionStatus.Failure failure = status.failure();
                throw new AssertionError(TestKitMessages.projectionFailed(name, failure.position(), failure.streamId(),
                        failure.streamVersion(), failure.typeName(), failure.message()).toString());
            }
            if (status.position() >= position) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(TestKitMessages.projectionBehind(name, status.position(), position,
                        timeout.toString(), status.state().toString()).toString());
            }
            try {
                registry.awaitPosition(name, position, LOOK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for projection '" + name + "'", e);
            }
        }
    }
}
