package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.projection.NoSuchProjectionException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.Subscription;
import dev.allframe.memory.InMemoryCheckpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the application's projections: inline ones inside the store's appends, async ones on tracking
 * processors woken by each committed append. Implements the {@link ProjectionRegistry}.
 */
public final class ProjectionEngine implements ProjectionRegistry, AutoCloseable {

    private final EventStore store;
    private final ProjectionSettings settings;
    private final Map<String, TrackingProcessor> tracking = new TreeMap<>();
    private final Map<String, InlineProjection> inline = new TreeMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    public ProjectionEngine(EventStore store, CheckpointStore checkpoints, ProjectionSettings settings,
                            List<BoundProjection> projections) {
        this.store = store;
        this.settings = settings;
        for (BoundProjection projection : projections) {
            if (projection.model().mode() == ProjectionMode.INLINE) {
                if (!(store instanceof InlineSubscribers)) {
                    throw new AllFrameException(ProjectionMessages.noInlineSupport(projection.name(),
                            store.getClass().getName()));
                }
                inline.put(projection.name(), new InlineProjection(projection, store.headPosition()));
            } else {
                CheckpointStore kept = projection.model().replayOnStart() ? new InMemoryCheckpoints() : checkpoints;
                tracking.put(projection.name(), new TrackingProcessor(projection, store, kept, settings));
            }
        }
    }

    /** Subscribes to the store and starts the tracking processors. */
    public void start() {
        for (InlineProjection projection : inline.values()) {
            subscriptions.add(((InlineSubscribers) store).subscribeInline(projection::apply));
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
        tracking.values().forEach(TrackingProcessor::stop);
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
            inlineProjection.rebuild((InlineSubscribers) store, settings.batchSize(), store.headPosition());
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
