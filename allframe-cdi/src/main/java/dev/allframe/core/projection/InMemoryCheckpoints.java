package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.LeaseLostException;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.spi.deadletter.DeadLetterStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Checkpoints in memory, without transactions: what was applied stays applied. The events the projections park
 * are kept here too, beside the checkpoints they move, and are gone with them when the application stops. Leases
 * on projections run out on the given clock, for engines sharing one store in one process.
 */
public final class InMemoryCheckpoints implements CheckpointStore, DeadLetterStore, ProjectionLeases {

    private final Map<String, Long> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, ParkedEvent>> parked = new ConcurrentHashMap<>();
    private final Map<String, ProjectionLease> leases = new HashMap<>();
    private final Map<String, Instant> nodes = new HashMap<>();
    private final Map<String, ProjectionControl> controls = new HashMap<>();
    private final Clock clock;

    public InMemoryCheckpoints(Clock clock) {
        this.clock = clock;
    }

    public InMemoryCheckpoints() {
        this(Clock.systemUTC());
    }

    @Override
    public long checkpoint(String projection) {
        return checkpoints.getOrDefault(projection, 0L);
    }

    @Override
    public synchronized long applyBatch(String projection, long after, List<EventEnvelope> events,
                                        Consumer<EventEnvelope> apply) {
        long checkpoint = checkpoint(projection);
        if (checkpoint != after) {
            return checkpoint;
        }
        for (EventEnvelope event : events) {
            apply.accept(event);
            checkpoints.put(projection, event.globalPosition());
        }
        return checkpoint(projection);
    }

    /** Waits for a batch being applied, as a take-over must; a release does not, as a node stopping must not. */
    @Override
    public synchronized Optional<ProjectionLease> claim(String projection, String node, Duration duration) {
        synchronized (leases) {
            Instant now = clock.instant();
            ProjectionLease lease = leases.get(projection);
            if (lease != null && !lease.node().equals(node) && lease.until().isAfter(now)) {
                return Optional.empty();
            }
            long token = lease == null ? 1 : lease.node().equals(node) ? lease.token() : lease.token() + 1;
            ProjectionLease claimed = new ProjectionLease(projection, node, token, now.plus(duration));
            leases.put(projection, claimed);
            return Optional.of(claimed);
        }
    }

    /** A released lease is kept with its token and run out, so that the next holder's token is greater. */
    @Override
    public void release(ProjectionLease lease) {
        synchronized (leases) {
            if (holds(lease) != null) {
                leases.put(lease.projection(), new ProjectionLease(lease.projection(), "", lease.token(),
                        clock.instant()));
            }
        }
    }

    @Override
    public Optional<ProjectionLease> holder(String projection) {
        synchronized (leases) {
            ProjectionLease lease = leases.get(projection);
            return lease != null && !lease.node().isEmpty() && lease.until().isAfter(clock.instant())
                    ? Optional.of(lease) : Optional.empty();
        }
    }

    @Override
    public synchronized long applyBatch(ProjectionLease lease, long after, List<EventEnvelope> events,
                                        Consumer<EventEnvelope> apply) {
        if (holds(lease) == null) {
            throw new LeaseLostException(lease);
        }
        return applyBatch(lease.projection(), after, events, apply);
    }

    /** The stored lease when it has the same node and token as {@code lease}, however long it runs. */
    private ProjectionLease holds(ProjectionLease lease) {
        synchronized (leases) {
            ProjectionLease stored = leases.get(lease.projection());
            return stored != null && stored.node().equals(lease.node()) && stored.token() == lease.token() ? stored
                    : null;
        }
    }

    @Override
    public int liveNodes(String node, Duration duration) {
        synchronized (nodes) {
            Instant now = clock.instant();
            nodes.put(node, now.plus(duration));
            return (int) nodes.values().stream().filter(until -> until.isAfter(now)).count();
        }
    }

    @Override
    public void leave(String node) {
        synchronized (nodes) {
            nodes.remove(node);
        }
    }

    @Override
    public ProjectionControl control(String projection) {
        synchronized (controls) {
            return controls.getOrDefault(projection, ProjectionControl.NONE);
        }
    }

    @Override
    public synchronized ProjectionControl changeControl(String projection, UnaryOperator<ProjectionControl> change) {
        synchronized (controls) {
            ProjectionControl changed = change.apply(controls.getOrDefault(projection, ProjectionControl.NONE));
            controls.put(projection, changed);
            return changed;
        }
    }

    @Override
    public synchronized void reset(String projection, Runnable reset) {
        reset.run();
        checkpoints.put(projection, 0L);
    }

    @Override
    public synchronized void reset(Collection<String> projections, Runnable reset) {
        reset.run();
        projections.forEach(projection -> checkpoints.put(projection, 0L));
    }

    @Override
    public Map<String, Long> checkpoints(String projection) {
        Map<String, Long> found = new TreeMap<>();
        checkpoints.forEach((key, position) -> {
            if (Segment.belongsTo(key, projection)) {
                found.put(key, position);
            }
        });
        return found;
    }

    @Override
    public synchronized boolean park(ParkedEvent event) {
        if (checkpoint(event.projection()) >= event.position()) {
            return false;
        }
        parkedOf(event.projection()).put(event.position(), event);
        checkpoints.put(event.projection(), event.position());
        return true;
    }

    @Override
    public synchronized boolean record(ParkedEvent event) {
        return parkedOf(event.projection()).putIfAbsent(event.position(), event) == null;
    }

    /** Moves the projection's checkpoint to {@code position}, unless it is there or past it already. */
    synchronized void advanceTo(String projection, long position) {
        checkpoints.merge(projection, position, Math::max);
    }

    @Override
    public synchronized List<ParkedEvent> parked(String projection) {
        return List.copyOf(parkedOf(projection).values());
    }

    @Override
    public synchronized long parkedCount(String projection) {
        return parkedOf(projection).size();
    }

    @Override
    public synchronized boolean applyParked(String projection, EventEnvelope event, Consumer<EventEnvelope> apply) {
        if (!parkedOf(projection).containsKey(event.globalPosition())) {
            return false;
        }
        apply.accept(event);
        parkedOf(projection).remove(event.globalPosition());
        return true;
    }

    @Override
    public synchronized void retryFailed(String projection, long position, String failure, Instant at) {
        parkedOf(projection).computeIfPresent(position, (p, event) -> event.retriedAndFailed(failure, at));
    }

    private NavigableMap<Long, ParkedEvent> parkedOf(String projection) {
        return parked.computeIfAbsent(projection, p -> new TreeMap<>());
    }
}
