package dev.allframe.core.projection;

import dev.allframe.spi.checkpoint.ProjectionLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's share of the projections that nodes share through leases: it takes no more than its fair share (the
 * leased projections divided by the live nodes, rounded up) and gives up what it holds beyond it, so that work
 * spreads across the nodes and moves when nodes join or leave. It records that it lives as it goes, at most once
 * per renewal period.
 */
final class NodeShare {

    private final ProjectionLeases leases;
    private final ProjectionSettings settings;
    private final Clock clock;
    private final AtomicInteger held = new AtomicInteger();
    private int projections;
    private int liveNodes = 1;
    private Instant counted;

    NodeShare(ProjectionLeases leases, ProjectionSettings settings, Clock clock) {
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
    }

    ProjectionLeases leases() {
        return leases;
    }

    String node() {
        return settings.node();
    }

    Duration lease() {
        return settings.lease();
    }

    /** One more projection shared through leases. */
    synchronized void add() {
        projections++;
    }

    /** Whether this node may take one more projection. */
    boolean mayTake() {
        return held.get() < fairShare();
    }

    /** Whether this node holds more than its share, and should give one up. */
    boolean overShare() {
        return held.get() > fairShare();
    }

    void took() {
        held.incrementAndGet();
    }

    void gaveUp() {
        held.decrementAndGet();
    }

    /** Records that the node stopped, so that the others take its share at once. */
    void leave() {
        leases.leave(settings.node());
    }

    private synchronized int fairShare() {
        Instant now = clock.instant();
        if (counted == null || !now.isBefore(counted.plus(settings.renewal()))) {
            liveNodes = Math.max(1, leases.liveNodes(settings.node(), settings.lease()));
            counted = now;
        }
        return (projections + liveNodes - 1) / liveNodes;
    }
}
