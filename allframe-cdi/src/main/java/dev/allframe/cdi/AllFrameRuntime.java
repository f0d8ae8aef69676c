package dev.allframe.cdi;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;
import dev.allframe.command.CommandBus;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.MissingClass;
import dev.allframe.core.Problems;
import dev.allframe.core.TagBackfiller;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.config.ConfigValues;
import dev.allframe.core.config.RetentionSettings;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.core.dispatch.HandlerTargets;
import dev.allframe.core.dispatch.MessageValidator;
import dev.allframe.core.dispatch.QueryDispatcher;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.StateFingerprints;
import dev.allframe.core.message.StoreMessages;
import dev.allframe.core.projection.BoundProjection;
import dev.allframe.core.projection.LagAge;
import dev.allframe.core.projection.ProjectionEngine;
import dev.allframe.core.projection.ProjectionModel;
import dev.allframe.core.retention.RetentionJob;
import dev.allframe.core.telemetry.Breakdowns;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.version.Upcasting;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.core.work.Lane;
import dev.allframe.core.work.Workers;
import dev.allframe.event.TagBackfill;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.deadletter.DeadLetterStore;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.InlineSubscribers;
import dev.allframe.spi.event.RemoteChanges;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.spi.snapshot.SnapshotStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds AllFrame's beans once the container runs: binds handlers to their beans' contextual
 * references, finds the validator and the workers (every thread AllFrame uses), and releases what it created at
 * shutdown.
 */
final class AllFrameRuntime {

    private static final Logger LOG = Logger.getLogger(AllFrameRuntime.class.getName());

    private final HandlerCatalog catalog;
    private final List<ProjectionModel> projectionModels;
    private final VersionGraph versions;
    private final AllFrameConfig config;
    private final ContainerBeans beans;
    private final EventTypeRegistry eventTypes;
    private final StateFingerprints fingerprints;
    private final EventStoreContext storeContext;
    private final EventStoreProvider storeProvider;
    private final boolean applicationEventStore;
    private final Time time;
    private final boolean telemetryEnabled;
    private final boolean serverThreads;
    private Breakdowns telemetry;
    private Telemetry.Scope observedProjections;
    private final Object lock = new Object();
    private MessageValidator validator;
    private ServerWorkers.Found workers;
    private StoreCapabilities capabilities;
    private ProjectionEngine projections;
    private RetentionJob retention;
    private EventDecoder decoder;

    /** What the extension found and checked at deployment. */
    record Model(HandlerCatalog catalog, List<ProjectionModel> projections, VersionGraph versions,
                 EventTypeRegistry eventTypes) {
    }

    AllFrameRuntime(Model model, AllFrameConfig config, ContainerBeans beans, ConfigValues configValues,
                    EventStoreProvider storeProvider,
                    boolean applicationEventStore, Time time, boolean telemetryEnabled, boolean serverThreads) {
        this.applicationEventStore = applicationEventStore;
        this.serverThreads = serverThreads;
        this.time = time;
        this.telemetryEnabled = telemetryEnabled;
        this.catalog = model.catalog();
        this.projectionModels = List.copyOf(model.projections());
        this.versions = model.versions();
        this.eventTypes = model.eventTypes();
        this.fingerprints = StateFingerprints.of(catalog, eventTypes.classes(), versions);
        this.config = config;
        this.beans = beans;
        this.storeContext = new CdiEventStoreContext(configValues, beans, this::decoder,
                time == null ? Clock.systemUTC() : time.clock(), this::telemetry);
        this.storeProvider = storeProvider;
    }

    HandlerCatalog catalog() {
        return catalog;
    }

    AllFrameConfig config() {
        return config;
    }

    /**
     * The store and its roles: the application's (its {@code EventStore} bean and, for each further role, its
     * bean of that role), or the one AllFrame makes with the configured provider, once per application.
     */
    StoreCapabilities store() {
        synchronized (lock) {
            if (capabilities == null) {
                capabilities = applicationEventStore ? applicationStore() : createdStore();
            }
            return capabilities;
        }
    }

    /** The provider's store; a class it lacks fails it with the class named, not with the bare error. */
    private StoreCapabilities createdStore() {
        try {
            return storeProvider.create(storeContext);
        } catch (LinkageError e) {
            throw new AllFrameException(StoreMessages.storeNotCreatable(storeName(), MissingClass.describe(e)), e);
        }
    }

    /** How messages name the store. */
    String storeName() {
        return applicationEventStore ? "the application's event store" : "the '" + storeProvider.name() + "' event store";
    }

    private StoreCapabilities applicationStore() {
        EventStore events = beans.find(EventStore.class).orElseThrow(() ->
                new AllFrameException(StoreMessages.applicationEventStoreUnresolvable()));
        return new StoreCapabilities(events, beans.find(InlineSubscribers.class),
                beans.find(CheckpointStore.class), beans.find(SnapshotStore.class),
                beans.find(SagaStore.class), beans.find(DeadLetterStore.class));
    }

    /** AllFrame's own event store, as its bean. */
    EventStore createEventStore() {
        return store().events();
    }

    void closeEventStore(Object store) {
        synchronized (lock) {
            capabilities = null;
        }
        if (store instanceof AutoCloseable closeable) {
            ValidationSupport.close(closeable);
        }
    }

    CommandBus createCommandBus() {
        return new CommandDispatcher(catalog, targets(), store(), validator(), config,
                workers().workers().executor(Lane.DISPATCH), eventTypes, fingerprints, telemetry());
    }

    QueryBus createQueryBus() {
        return new QueryDispatcher(catalog, targets(), validator());
    }

    /** Upcasting when the application has upcasters, else the plain registry of event classes. */
    private EventDecoder decoder() {
        synchronized (lock) {
            if (decoder == null) {
                decoder = versions.isEmpty() ? eventTypes : new Upcasting(eventTypes, versions, targets());
            }
            return decoder;
        }
    }

    EventTypeRegistry eventTypes() {
        return eventTypes;
    }

    Clock clock() {
        return storeContext.clock();
    }

    int projectionCount() {
        return projectionModels.size();
    }

    VersionGraph versions() {
        return versions;
    }

    /** Gives stored events the tags their classes give them now, on this application's store. */
    TagBackfill tagBackfill() {
        return new TagBackfiller(store().events(), storeName());
    }

    /**
     * Binds the projections to their beans and starts feeding them, once, when the application starts; the
     * problems found instead, when the store lacks a role they need. Warns when snapshots are configured and the
     * store keeps none.
     */
    List<AllFrameMessage> startProjections() {
        StoreCapabilities store = store();
        if (config.snapshotEvery() > 0 && store.snapshots().isEmpty()) {
            LOG.warning(StoreMessages.noSnapshots(config.snapshotEvery(), storeName()).toString());
        }
        HandlerTargets targets = targets();
        List<BoundProjection> bound = projectionModels.stream()
                .map(model -> new BoundProjection(model, targets.targetFor(model.beanClass()))).toList();
        Problems problems = new Problems();
        Workers threads = workers().workers();
        if (store.events() instanceof RemoteChanges changes) {
            changes.tellOthersOn(threads.executor(Lane.NOTIFYING));
        }
        Optional<ProjectionEngine> engine = ProjectionEngine.create(store, storeName(), config.projections(), bound,
                threads.executor(Lane.PROJECTIONS), threads.executor(Lane.LISTENING), threads.timer(), clock(),
                telemetry(), problems);
        engine.ifPresent(started -> {
            started.start();
            Telemetry.Scope observed = telemetry().observeProjections(started::list, lagAge()::of);
            synchronized (lock) {
                projections = started;
                observedProjections = observed;
            }
        });
        return problems.messages();
    }

    /** How old the oldest event each projection has not applied is, read from the store's log. */
    LagAge lagAge() {
        return new LagAge(store().events(), clock());
    }

    /**
     * How AllFrame's work is traced, keeping the components that could not go on for liveness: found once, when first
     * needed, once the application's beans exist.
     */
    Breakdowns telemetry() {
        synchronized (lock) {
            if (telemetry == null) {
                telemetry = new Breakdowns(TelemetrySupport.create(telemetryEnabled, beans), clock());
            }
            return telemetry;
        }
    }

    ProjectionRegistry projections() {
        synchronized (lock) {
            return projections;
        }
    }

    void stopProjections() {
        synchronized (lock) {
            if (observedProjections != null) {
                observedProjections.close();
            }
            if (projections != null) {
                projections.close();
            }
        }
    }

    /**
     * Starts removing old idempotency keys, closed scopes and finished sagas from the store, on the retention lane,
     * unless the settings keep them for good.
     */
    void startRetention(RetentionSettings settings) {
        StoreCapabilities store = store();
        Workers threads = workers().workers();
        RetentionJob job = new RetentionJob(settings, store.events(), store.sagas(), threads.timer(),
                threads.executor(Lane.RETENTION), threads.clock());
        synchronized (lock) {
            retention = job;
        }
        job.start();
    }

    void stopRetention() {
        synchronized (lock) {
            if (retention != null) {
                retention.close();
            }
        }
    }

    /** Closes the validator factory this runtime made, with the command bus. */
    void close() {
        synchronized (lock) {
            if (validator instanceof AutoCloseable closeable) {
                ValidationSupport.close(closeable);
            }
            validator = null;
        }
    }

    private HandlerTargets targets() {
        return beans::reference;
    }

    private MessageValidator validator() {
        synchronized (lock) {
            if (validator == null) {
                validator = ValidationSupport.create(beans);
            }
            return validator;
        }
    }

    /**
     * Every thread AllFrame uses: found once, when the application starts (on a thread with its context), and
     * closed at shutdown; the server's managed threads where the front end looks for them, else threads of its own.
     */
    ServerWorkers.Found workers() {
        synchronized (lock) {
            if (workers == null) {
                workers = (serverThreads ? ServerWorkers.find(clock()) : ServerWorkers.own(clock())).on(time);
            }
            return workers;
        }
    }

    /** Stops every thread and timer AllFrame started; the last thing at shutdown. */
    void closeWorkers() {
        synchronized (lock) {
            if (workers != null) {
                workers.workers().close();
            }
        }
    }
}
