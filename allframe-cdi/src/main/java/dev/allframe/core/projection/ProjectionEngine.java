package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.core.Problems;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.message.StoreMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.NoSuchProjectionException;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.RemoteChanges;
import dev.allframe.spi.event.Subscription;
import dev.allframe.spi.deadletter.DeadLetterStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the application's projections: inline ones inside the store's appends, async ones on tracking
 * processors woken by each committed append. Implements the {@link ProjectionRegistry}.
 */
public final class ProjectionEngine implements ProjectionRegistry, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProjectionEngine.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final EventStore store;
    private final InlineSubscribers inlineListeners;
    private final ProjectionSettings settings;
    private final Executor executor;
    private Telemetry telemetry = Telemetry.NONE;
    private final Map<String, TrackingProcessor> tracking = new TreeMap<>();
    private final Map<String, InlineProjection> inline = new TreeMap<>();
    private final Map<String, SegmentedProjection> segmented = new TreeMap<>();
    /** The async projections whose checkpoints the store keeps, by name: their processors (one per segment). */
    private final Map<String, List<TrackingProcessor>> checkpointed = new TreeMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private CheckpointStore checkpoints;
    private NodeShare share;
    private RemoteWakeUps remote;

    private ProjectionEngine(EventStore store, InlineSubscribers inlineListeners, ProjectionSettings settings,
                             Executor executor) {
        this.store = store;
        this.inlineListeners = inlineListeners;
        this.settings = settings;
        this.executor = executor;
    }

    /**
     * Like {@link #create(StoreCapabilities, String, ProjectionSettings, List, Executor, Timer, Clock, Problems)}, and
     * where the store tells what other processes sharing it commit ({@link RemoteChanges}), listens to it on
     * {@code listening}, so that the projections wake at once instead of at their next poll.
     */
    public static Optional<ProjectionEngine> create(StoreCapabilities store, String storeName,
                                                    ProjectionSettings settings, List<BoundProjection> projections,
                                                    Executor executor, Executor listening, Timer timer, Clock clock,
                                                    Problems problems) {
        return create(store, storeName, settings, projections, executor, listening, timer, clock, Telemetry.NONE,
                problems);
    }

    /** Like the above, tracing each batch an async projection applies with {@code telemetry}. */
    public static Optional<ProjectionEngine> create(StoreCapabilities store, String storeName,
                                                    ProjectionSettings settings, List<BoundProjection> projections,
                                                    Executor executor, Executor listening, Timer timer, Clock clock,
                                                    Telemetry telemetry, Problems problems) {
        Optional<ProjectionEngine> created = create(store, storeName, settings, projections, executor, timer, clock,
                telemetry, problems);
        created.ifPresent(engine -> {
            if (store.events() instanceof RemoteChanges changes
                    && (!engine.tracking.isEmpty() || !engine.inline.isEmpty())) {
                engine.remote = new RemoteWakeUps(changes, listening, executor, timer, settings, engine.tracking,
                        engine.inline.values());
            }
        });
        return created;
    }

    /**
     * The engine of {@code projections} on {@code store}; empty, with the problems added, when the store lacks a
     * role they need: inline listeners for inline projections, checkpoints for async projections that keep their
     * position in the store (those whose read model is stored; one in memory keeps its position in memory, and the
     * events it parks in the store when the store keeps dead letters), dead letters beside those checkpoints for async
     * projections that park failing events.
     *
     * @param storeName how messages name the store
     * @param executor  where async projections' batches and inline projections' rebuilds run
     * @param timer     how async projections wait for the next poll and between retries
     * @param clock     when events are parked and retried
     */
    public static Optional<ProjectionEngine> create(StoreCapabilities store, String storeName,
                                                    ProjectionSettings settings, List<BoundProjection> projections,
                                                    Executor executor, Timer timer, Clock clock, Problems problems) {
        return create(store, storeName, settings, projections, executor, timer, clock, Telemetry.NONE, problems);
    }

    /** Like the above, tracing each batch an async projection applies, and counting lease takes, with {@code telemetry}. */
    public static Optional<ProjectionEngine> create(StoreCapabilities store, String storeName,
                                                    ProjectionSettings settings, List<BoundProjection> projections,
                                                    Executor executor, Timer timer, Clock clock, Telemetry telemetry,
                                                    Problems problems) {
        int before = problems.size();
        ProjectionEngine engine = new ProjectionEngine(store.events(), store.inlineListeners().orElse(null), settings,
                executor);
        engine.telemetry = telemetry;
        List<String> withoutCheckpoints = new ArrayList<>();
        List<String> withoutDeadLetters = new ArrayList<>();
        for (BoundProjection projection : projections) {
            if (projection.model().mode() == ProjectionMode.INLINE) {
                if (store.inlineListeners().isEmpty()) {
                    problems.add(ProjectionMessages.noInlineSupport(projection.name(), storeName));
                    continue;
                }
                engine.inline.put(projection.name(), new InlineProjection(projection, store.events().headPosition(),
                        telemetry));
            } else if (projection.model().rebuiltAtStart() && store.deadLetters().isPresent()) {
                ReplayingCheckpoints replaying = new ReplayingCheckpoints(projection.name(),
                        store.deadLetters().get());
                engine.tracking.put(projection.name(), new TrackingProcessor(projection, store.events(), replaying,
                        new DeadLetters(projection, store.events(), replaying, storeName, clock), settings, executor,
                        timer, telemetry));
            } else if (projection.model().rebuiltAtStart()) {
                InMemoryCheckpoints inMemory = new InMemoryCheckpoints();
                engine.tracking.put(projection.name(), new TrackingProcessor(projection, store.events(), inMemory,
                        new DeadLetters(projection, store.events(), inMemory, "memory", clock), settings, executor,
                        timer, telemetry));
            } else if (store.checkpoints().isEmpty()) {
                withoutCheckpoints.add(projection.name());
            } else if (projection.model().onFailure() == FailurePolicy.PARK && store.deadLetters().isEmpty()) {
                withoutDeadLetters.add(projection.name());
            } else {
                DeadLetterStore deadLetters = store.deadLetters().orElse(null);
                CheckpointStore checkpoints = store.checkpoints().get();
                engine.checkpoints = checkpoints;
                List<TrackingProcessor> parts = new ArrayList<>();
                int count = projection.model().segments();
                for (int index = 0; index < count; index++) {
                    BoundProjection part = count == 1 ? projection : projection.segment(new Segment(index, count));
                    TrackingProcessor processor = new TrackingProcessor(part, store.events(), checkpoints,
                            engine.ownership(part.name(), checkpoints, clock), new DeadLetters(part, store.events(),
                            deadLetters, storeName, clock), settings, executor, timer, telemetry);
                    engine.tracking.put(part.name(), processor);
                    parts.add(processor);
                }
                engine.checkpointed.put(projection.name(), parts);
                if (count > 1) {
                    engine.segmented.put(projection.name(), new SegmentedProjection(projection, parts, checkpoints,
                            store.events(), storeName));
                }
            }
        }
        if (!withoutCheckpoints.isEmpty()) {
            problems.add(StoreMessages.noCheckpointStore(withoutCheckpoints, storeName));
        }
        if (!withoutDeadLetters.isEmpty()) {
            problems.add(ProjectionMessages.noDeadLetterStore(withoutDeadLetters, storeName));
        }
        return problems.size() > before ? Optional.empty() : Optional.of(engine);
    }

    /**
     * Where the checkpoint store shares projections between nodes, the projection is applied on the node holding its
     * lease; else on every node that runs it.
     */
    private Ownership ownership(String projection, CheckpointStore checkpoints, Clock clock) {
        if (!(checkpoints instanceof ProjectionLeases leases)) {
            return new Ownership.Everywhere(projection, checkpoints);
        }
        if (share == null) {
            share = new NodeShare(leases, settings, clock);
        }
        return new LeasedOwnership(projection, share, clock, telemetry);
    }

    /**
     * Subscribes to the store, rebuilds the inline projections whose read models are in memory and starts the
     * tracking processors.
     */
    public void start() {
        for (InlineProjection projection : inline.values()) {
            subscriptions.add(inlineListeners.subscribeInline(projection::apply));
        }
        long head = store.headPosition();
        for (InlineProjection projection : inline.values()) {
            if (projection.rebuiltAtStart() && head > 0) {
                projection.replayAtStart(inlineListeners, settings.batchSize(), head, executor);
            }
        }
        subscriptions.add(store.subscribe(appended -> {
            inline.values().forEach(projection -> projection.committed(appended));
            tracking.values().forEach(TrackingProcessor::wake);
        }));
        checkpointed.forEach(this::refuseWhenSegmentsChanged);
        tracking.values().forEach(TrackingProcessor::start);
        if (remote != null) {
            remote.listen();
        }
    }

    /**
     * Stops a projection's processors before they apply anything when it ran with other segments before and its
     * segments now never did, where every node sees it.
     */
    private void refuseWhenSegmentsChanged(String name, List<TrackingProcessor> processors) {
        List<String> keys = processors.stream().map(TrackingProcessor::name).toList();
        SegmentedProjection.changedSegments(checkpoints, name, keys).ifPresent(failure -> {
            LOG.warning(failure::message);
            processors.forEach(processor -> processor.refuse(failure));
        });
    }

    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
        subscriptions.forEach(Subscription::close);
        inline.values().forEach(InlineProjection::close);
        tracking.values().forEach(processor -> processor.stop(STOP_TIMEOUT));
        if (share != null) {
            try {
                share.leave();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> ProjectionMessages.nodeNotLeft(settings.node()).toString());
            }
        }
    }

    @Override
    public List<ProjectionStatus> list() {
        long head = store.headPosition();
        List<ProjectionStatus> statuses = new ArrayList<>();
        for (String name : names()) {
            statuses.add(status(name, head));
        }
        return statuses;
    }

    @Override
    public ProjectionStatus status(String name) {
        return status(name, store.headPosition());
    }

    @Override
    public void rebuild(String name) {
        InlineProjection inlineProjection = inline.get(name);
        if (inlineProjection != null) {
            inlineProjection.rebuild(inlineListeners, settings.batchSize(), store.headPosition(), executor);
            return;
        }
        SegmentedProjection split = segmented.get(name);
        if (split != null) {
            split.rebuild();
            return;
        }
        processor(name).rebuild();
    }

    @Override
    public void pause(String name) {
        SegmentedProjection split = segmented.get(name);
        if (split != null) {
            split.pause();
        } else {
            processor(name).pause();
        }
    }

    @Override
    public void resume(String name) {
        SegmentedProjection split = segmented.get(name);
        if (split != null) {
            split.resume();
        } else {
            processor(name).resume();
        }
    }

    @Override
    public boolean awaitPosition(String name, long position, Duration timeout) throws InterruptedException {
        InlineProjection inlineProjection = inline.get(name);
        if (inlineProjection != null) {
            return inlineProjection.awaitPosition(position, timeout, store::headPosition, settings.pollInterval());
        }
        SegmentedProjection split = segmented.get(name);
        return split != null ? split.awaitPosition(position, timeout) : processor(name).awaitPosition(position, timeout);
    }

    @Override
    public ParkedEvent skip(String name, String operator, String reason) {
        SegmentedProjection split = segmented.get(name);
        TrackingProcessor processor = split == null ? parking(name) : null;
        if (operator == null || operator.isBlank() || operator.length() > ParkedEvent.MAX_OPERATOR_LENGTH
                || reason == null || reason.isBlank()) {
            throw new AllFrameException(ProjectionMessages.skipWithoutOperator(name));
        }
        return split != null ? split.skip(operator, reason) : processor.skip(operator, reason);
    }

    @Override
    public List<ParkedEvent> parked(String name) {
        SegmentedProjection split = segmented.get(name);
        if (split != null) {
            return split.parked();
        }
        return inline.containsKey(name) ? List.of() : processor(name).parked();
    }

    @Override
    public ParkedRetry retryParked(String name) {
        return retryParked(name, OptionalLong.empty());
    }

    @Override
    public ParkedRetry retryParked(String name, long position) {
        return retryParked(name, OptionalLong.of(position));
    }

    private ParkedRetry retryParked(String name, OptionalLong position) {
        SegmentedProjection split = segmented.get(name);
        return split != null ? split.retryParked(position) : parking(name).retryParked(position);
    }

    private ProjectionStatus status(String name, long head) {
        InlineProjection inlineProjection = inline.get(name);
        if (inlineProjection != null) {
            return inlineProjection.status(head);
        }
        SegmentedProjection split = segmented.get(name);
        return split != null ? split.status(head) : processor(name).status(head);
    }

    /** The processor of an async projection that is not split into segments. */
    private TrackingProcessor processor(String name) {
        TrackingProcessor processor = tracking.get(name);
        if (processor == null || isSegment(name)) {
            if (inline.containsKey(name)) {
                throw new AllFrameException(ProjectionMessages.inlinePause(name));
            }
            throw new NoSuchProjectionException(ProjectionMessages.noSuchProjection(name, names()));
        }
        return processor;
    }

    /** The processor of an async projection, for parking its events. */
    private TrackingProcessor parking(String name) {
        if (inline.containsKey(name)) {
            throw new AllFrameException(ProjectionMessages.inlineSkip(name));
        }
        return processor(name);
    }

    private boolean isSegment(String key) {
        return segmented.values().stream().anyMatch(split -> split.keys().contains(key));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(inline.keySet());
        names.addAll(checkpointed.keySet());
        tracking.keySet().stream().filter(key -> !isSegment(key) && !checkpointed.containsKey(key))
                .forEach(names::add);
        names.sort(String::compareTo);
        return names;
    }
}
