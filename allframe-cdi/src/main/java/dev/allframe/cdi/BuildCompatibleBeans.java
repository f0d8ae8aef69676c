package dev.allframe.cdi;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.command.CommandBus;
import dev.allframe.event.TagBackfill;
import dev.allframe.event.VersionRegistry;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.EventContext;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

/**
 * The beans and observers {@link AllFrameBuildExtension} adds, as the container makes them once the application
 * runs. A CDI Lite container keeps no extension object from the build to the run: what was found travels as the
 * beans' parameters (the classes of the beans AllFrame calls, their scopes), and the application's AllFrame is made
 * of them again, with the configuration as it is at run time, when the first of these needs it. It starts when the
 * container starts and stops when it shuts down. Not for applications to use.
 */
public final class BuildCompatibleBeans {

    static final String BEANS = "allframe.beans";
    static final String SCOPES = "allframe.scopes";
    static final String TYPE_RESTRICTED = "allframe.type-restricted";
    static final String APPLICATION_EVENT_STORE = "allframe.application-event-store";

    private static final Object LOCK = new Object();
    private static Application current;

    private BuildCompatibleBeans() {
    }

    /** The application's AllFrame, made of what the build found the first time it is needed. */
    static Application application(Parameters params) {
        synchronized (LOCK) {
            if (current == null) {
                boolean applicationEventStore = params.get(APPLICATION_EVENT_STORE, Boolean.class, false);
                DeploymentPlan plan = DeploymentPlan.make(ReflectedBeans.found(classes(params, BEANS),
                        scopes(params), classes(params, TYPE_RESTRICTED), applicationEventStore));
                current = new Application(plan, new InstanceBeans(CDI.current()), applicationEventStore, null, false);
            }
            return current;
        }
    }

    private static List<Class<?>> classes(Parameters params, String key) {
        return Arrays.asList(params.get(key, Class[].class, new Class<?>[0]));
    }

    private static List<Class<? extends Annotation>> scopes(Parameters params) {
        return classes(params, SCOPES).stream().<Class<? extends Annotation>>map(
                scope -> scope.asSubclass(Annotation.class)).toList();
    }

    /** Starts the projections, the sagas and retention; the container does not start when AllFrame cannot. */
    public static final class Starting implements SyntheticObserver<Startup> {
        @Override
        public void observe(EventContext<Startup> event, Parameters params) {
            List<RuntimeException> failures = application(params).start();
            if (!failures.isEmpty()) {
                RuntimeException first = failures.get(0);
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                throw first;
            }
        }
    }

    /** Stops the projections, the sagas, retention and every thread AllFrame started. */
    public static final class Stopping implements SyntheticObserver<Shutdown> {
        @Override
        public void observe(EventContext<Shutdown> event, Parameters params) {
            Application stopped;
            synchronized (LOCK) {
                stopped = current;
                current = null;
            }
            if (stopped != null) {
                stopped.stop();
            }
        }
    }

    public static final class Store implements SyntheticBeanCreator<EventStore> {
        @Override
        public EventStore create(Instance<Object> lookup, Parameters params) {
            return application(params).running().createEventStore();
        }
    }

    public static final class StoreClosing implements SyntheticBeanDisposer<EventStore> {
        @Override
        public void dispose(EventStore store, Instance<Object> lookup, Parameters params) {
            application(params).running().closeEventStore(store);
        }
    }

    public static final class Commands implements SyntheticBeanCreator<CommandBus> {
        @Override
        public CommandBus create(Instance<Object> lookup, Parameters params) {
            return application(params).running().createCommandBus();
        }
    }

    public static final class CommandsClosing implements SyntheticBeanDisposer<CommandBus> {
        @Override
        public void dispose(CommandBus bus, Instance<Object> lookup, Parameters params) {
            application(params).running().close();
        }
    }

    public static final class Queries implements SyntheticBeanCreator<QueryBus> {
        @Override
        public QueryBus create(Instance<Object> lookup, Parameters params) {
            return application(params).running().createQueryBus();
        }
    }

    public static final class Projections implements SyntheticBeanCreator<ProjectionRegistry> {
        @Override
        public ProjectionRegistry create(Instance<Object> lookup, Parameters params) {
            return application(params).running().projections();
        }
    }

    public static final class Versions implements SyntheticBeanCreator<VersionRegistry> {
        @Override
        public VersionRegistry create(Instance<Object> lookup, Parameters params) {
            return application(params).running().versions();
        }
    }

    public static final class Tags implements SyntheticBeanCreator<TagBackfill> {
        @Override
        public TagBackfill create(Instance<Object> lookup, Parameters params) {
            return application(params).running().tagBackfill();
        }
    }

    public static final class Sagas implements SyntheticBeanCreator<SagaOrchestrator> {
        @Override
        public SagaOrchestrator create(Instance<Object> lookup, Parameters params) {
            return application(params).orchestrator();
        }
    }
}
