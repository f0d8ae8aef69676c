package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.spi.checkpoint.LeaseLostException;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.checkpoint.ProjectionLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * A projection applied by the node holding its lease. The lease is renewed after a third of its time; a node that
 * does not hold it tries to take it as often, within its share of the projections ({@link NodeShare}). A node
 * holding more than its share gives one projection up at its renewal, after the batch it applied last.
 */
final class LeasedOwnership implements Ownership {

    private static final Logger LOG = Logger.getLogger(LeasedOwnership.class.getName());

    private final String projection;
    private final Telemetry telemetry;
    private final NodeShare share;
    private final Clock clock;
    private ProjectionLease lease;
    private Instant nextCheck;

    LeasedOwnership(String projection, NodeShare share, Clock clock, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.projection = projection;
        this.share = share;
        this.clock = clock;
        share.add();
    }

    @Override
    public synchronized boolean hold() {
        Instant now = clock.instant();
        if (nextCheck != null && now.isBefore(nextCheck)) {
            return lease != null;
        }
        nextCheck = now.plus(period());
        if (lease != null && share.overShare()) {
            handOver();
            return false;
        }
        if (lease == null && !share.mayTake()) {
            return false;
        }
        Optional<ProjectionLease> claimed = share.leases().claim(projection, share.node(), share.lease());
        if (claimed.isPresent() && lease == null) {
            share.took();
            telemetry.projectionTaken(projection);
            LOG.info(() -> ProjectionMessages.projectionTaken(projection, share.node(), claimed.get().token())
                    .toString());
        } else if (claimed.isEmpty() && lease != null) {
            lost(lease, "its renewal");
        }
        lease = claimed.orElse(null);
        return lease != null;
    }

    @Override
    public synchronized Duration nextCheck() {
        return nextCheck == null ? Duration.ZERO : Duration.between(clock.instant(), nextCheck).isNegative()
                ? Duration.ZERO : Duration.between(clock.instant(), nextCheck);
    }

    @Override
    public long applyBatch(long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply) {
        ProjectionLease held;
        synchronized (this) {
            held = lease;
        }
        if (held == null) {
            throw new LeaseLostException(new ProjectionLease(projection, share.node(), 0, clock.instant()));
        }
        try {
            return share.leases().applyBatch(held, after, events, apply);
        } catch (LeaseLostException e) {
            synchronized (this) {
                if (lease == held) {
                    lost(held, "a batch");
                    lease = null;
                }
            }
            throw e;
        }
    }

    @Override
    public synchronized void release() {
        if (lease != null) {
            handOver();
        }
    }

    @Override
    public String owner() {
        synchronized (this) {
            if (lease != null) {
                return lease.node();
            }
        }
        return share.leases().holder(projection).map(ProjectionLease::node).orElse(null);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public synchronized boolean holding() {
        return lease != null;
    }

    @Override
    public ProjectionControl control() {
        return share.leases().control(projection);
    }

    @Override
    public ProjectionControl changeControl(UnaryOperator<ProjectionControl> change) {
        return share.leases().changeControl(projection, change);
    }

    private void handOver() {
        ProjectionLease given = lease;
        lease = null;
        share.gaveUp();
        share.leases().release(given);
        LOG.info(() -> ProjectionMessages.projectionHandedOver(projection, given.node()).toString());
    }

    private void lost(ProjectionLease held, String when) {
        share.gaveUp();
        LOG.warning(() -> ProjectionMessages.leaseLost(projection, held.node(), held.token(), when).toString());
    }

    private Duration period() {
        return share.lease().dividedBy(3);
    }
}
