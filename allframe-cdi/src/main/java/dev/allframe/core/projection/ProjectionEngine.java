package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.core.Problems;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.message.StoreMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.projection.NoSuchProjectionException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Runs the application's projections: inline ones inside the store's appends, async ones on tracking
 * processors woken by each committed append. Implements the {@link ProjectionRegistry}.
 */
public final class ProjectionEngine implements ProjectionRegistry, AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final EventStore store;
    private final InlineSubscribers inlineListeners;
    private final ProjectionSettings settings;
    private final Executor executor;
    private final Map<String, TrackingProcessor> tracking = new TreeMap<>();
    private final Map<String, InlineProjection> inline = new TreeMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    private ProjectionEngine(EventStore store, InlineSubscribers inlineListeners, ProjectionSettings settings,
                             Executor executor) {
        this.store = store;
        this.inlineListeners = inlineListeners;
        this.settings = settings;
        this.executor = executor;
    }

    /**
     * The engine of {@code projections} on {@code store}; empty, with the problems added, when the store lacks a
     * role they need: inline listeners for inline projections, checkpoints for async projections that keep their
     * position in the store (those whose read model is stored; one in memory keeps its position in memory too).
     *
     * @param storeName how messages name the store
     * @param executor  where async projections' batches and inline projections' rebuilds run
     * @param timer     how async projections wait for the next poll and between retries
     */
    public static Optional<ProjectionEngine> create(StoreCapabilities store, String storeName,
                                                    ProjectionSettings settings, List<BoundProjection> projections,
                                                    Executor executor, Timer timer, Problems problems) {
        int before = problems.size();
        ProjectionEngine engine = new ProjectionEngine(store.events(), store.inlineListeners().orElse(null), settings,
                executor);
        List<String> withoutCheckpoints = new ArrayList<>();
        for (BoundProjection projection : projections) {
            if (projection.model().mode() == ProjectionMode.INLINE) {
                if (store.inlineListeners().isEmpty()) {
                    problems.add(ProjectionMessages.noInlineSupport(projection.name(), storeName));
                    continue;
                }
                engine.inline.put(projection.name(), new InlineProjection(projection, store.events().headPosition()));
            } else if (projection.model().rebuiltAtStart()) {
                engine.tracking.put(projection.name(), new TrackingProcessor(projection, store.events(),
                        new InMemoryCheckpoints(), settings, executor, timer));
            } else if (store.checkpoints().isEmpty()) {
                withoutCheckpoints.add(projection.name());
            } else {
                engine.tracking.put(projection.name(), new TrackingProcessor(projection, store.events(),
                        store.checkpoints().get(), settings, executor, timer));
            }
        }
        if (!withoutCheckpoints.isEmpty()) {
            problems.add(StoreMessages.noCheckpointStore(withoutCheckpoints, storeName));
        }
        return problems.size() > before ? Optional.empty() : Optional.of(engine);
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
        tracking.values().forEach(TrackingProcessor::start);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        tracking.values().forEach(processor -> processor.stop(STOP_TIMEOUT));
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
        processor(name).rebuild();
    }

    @Override
    public void pause(String name) {
        processor(name).pause();
    }

    @Override
    public void resume(String name) {
        processor(name).resume();
    }

    @Override
    public boolean awaitPosition(String name, long position, Duration timeout) throws InterruptedException {
        InlineProjection inlineProjection = inline.get(name);
        return inlineProjection != null ? inlineProjection.awaitPosition(position, timeout)
                : processor(name).awaitPosition(position, timeout);
    }

    private ProjectionStatus status(String name, long head) {
        InlineProjection inlineProjection = inline.get(name);
        return inlineProjection != null ? inlineProjection.status(head) : processor(name).status(head);
    }

    private TrackingProcessor processor(String name) {
        TrackingProcessor processor = tracking.get(name);
        if (processor == null) {
            if (inline.containsKey(name)) {
                throw new AllFrameException(ProjectionMessages.inlinePause(name));
            }
            throw new NoSuchProjectionException(ProjectionMessages.noSuchProjection(name, names()));
        }
        return processor;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(inline.keySet());
        names.addAll(tracking.keySet());
        names.sort(String::compareTo);
        return names;
    }
}
