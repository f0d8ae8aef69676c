package dev.allframe.cdi;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.AllFrameMessage;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandHandler;
import dev.allframe.core.Problems;
import dev.allframe.core.config.RetentionSettings;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.message.StartMessages;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.version.UpcasterMethod;
import dev.allframe.event.JsonUpcaster;
import dev.allframe.event.Upcaster;
import dev.allframe.event.VersionRegistry;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.query.QueryHandler;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaStep;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * AllFrame's portable extension: finds {@link CommandHandler} and {@link QueryHandler} methods on
 * managed beans, reports every problem at once, and registers {@link CommandBus}, {@link QueryBus} and
 * the {@link EventStore} (unless the application defines its own) as application-scoped beans. It makes
 * sagas of the {@link SagaStep} beans, each step bounded by its timeout, and registers the
 * {@link SagaOrchestrator}.
 */
public class AllFrameExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(AllFrameExtension.class.getName());

    private final List<HandlerMethod> handlerMethods = new ArrayList<>();
    private final Map<Class<?>, Bean<?>> handlerBeans = new HashMap<>();
    private final List<ProjectionBean> projectionBeans = new ArrayList<>();
    private final List<UpcasterMethod> upcasterMethods = new ArrayList<>();
    private final Problems scopeProblems = new Problems();
    private final SagaDiscovery sagas = new SagaDiscovery();
    private final List<Bean<?>> deployedBeans = new ArrayList<>();
    private final Time time;
    private boolean applicationEventStore;
    private AllFrameRuntime runtime;
    private SagaRuntime sagaRuntime;
    private List<AllFrameMessage> definitionProblems = List.of();
    private RetentionSettings retention;

    /** The extension a server finds: AllFrame on the system's clock and the server's threads. */
    public AllFrameExtension() {
        this.time = null;
    }

    /**
     * AllFrame on a time of its own: {@code time}'s clock and timer instead of the system's, for a tool such as the
     * test kit that advances time by hand.
     */
    public AllFrameExtension(Time time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    <T> void collectHandlers(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getBean().getBeanClass();
        Projection projection = event.getAnnotatedBeanClass().getAnnotation(Projection.class);
        if (projection != null) {
            collectProjection(event.getBean(), projection);
        }
        SagaStep step = event.getAnnotatedBeanClass().getAnnotation(SagaStep.class);
        if (step != null) {
            sagas.collect(event.getBean(), step);
        }
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            Method method = annotated.getJavaMember();
            if (method.isSynthetic() || method.isBridge()) {
                continue;
            }
            CommandHandler command = annotated.getAnnotation(CommandHandler.class);
            if (command != null) {
                handlerMethods.add(new HandlerMethod(beanClass, method, HandlerKind.COMMAND, command.createsStream()));
                handlerBeans.put(beanClass, event.getBean());
            }
            if (annotated.isAnnotationPresent(QueryHandler.class)) {
                handlerMethods.add(new HandlerMethod(beanClass, method, HandlerKind.QUERY, false));
                handlerBeans.put(beanClass, event.getBean());
            }
            JsonUpcaster json = annotated.getAnnotation(JsonUpcaster.class);
            if (annotated.isAnnotationPresent(Upcaster.class) || json != null) {
                upcasterMethods.add(new UpcasterMethod(beanClass, method, json == null ? null : json.type(),
                        json == null ? 0 : json.from()));
                handlerBeans.put(beanClass, event.getBean());
            }
        }
    }

    private void collectProjection(Bean<?> bean, Projection projection) {
        Class<? extends Annotation> scope = bean.getScope();
        if (scope != ApplicationScoped.class && scope != Dependent.class && scope != Singleton.class) {
            scopeProblems.add(ProjectionMessages.projectionScope(projection.value(), bean.getBeanClass(), scope.getSimpleName()));
            return;
        }
        projectionBeans.add(new ProjectionBean(bean.getBeanClass(), projection.value(), projection.mode(),
                projection.readModel(), projection.onFailure(), projection.segments()));
        handlerBeans.put(bean.getBeanClass(), bean);
    }

    void noticeApplicationBeans(@Observes ProcessBean<?> event) {
        if (runtime == null) {
            deployedBeans.add(event.getBean());
            if (event.getBean().getTypes().contains(EventStore.class)) {
                applicationEventStore = true;
            }
        }
    }

    void noticeSagaDefinitions(@Observes ProcessBean<?> event) {
        if (runtime == null) {
            sagas.noticeDefinition(event.getBean());
        }
    }

    void registerBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        List<Class<?>> typeRestricted = handlerBeans.entrySet().stream()
                .filter(entry -> !entry.getValue().getTypes().contains(entry.getKey())).<Class<?>>map(Map.Entry::getKey)
                .toList();
        DeploymentPlan plan = DeploymentPlan.make(new DeploymentPlan.Found(handlerMethods, typeRestricted,
                projectionBeans, upcasterMethods, scopeProblems.messages(), sagas, applicationEventStore));
        retention = plan.retention();
        Duration maxLag = plan.maxLag();
        Map<Class<?>, Bean<?>> found = new HashMap<>(handlerBeans);
        found.putAll(sagas.stepBeans());
        ContainerBeans beans = new PortableBeans(beanManager, found, deployedBeans, sagas.definitions());
        sagaRuntime = new SagaRuntime(plan.sagaPlans(), plan.stepPolicies(), plan.sagaSettings(), beans);
        if (plan.problems().isEmpty()) {
            runtime = new AllFrameRuntime(plan.model(), plan.config(), beans, plan.configValues(),
                    plan.provider().orElseThrow(), applicationEventStore, time, plan.telemetry());
        } else {
            definitionProblems = plan.problems();
        }
        if (!applicationEventStore) {
            event.<EventStore>addBean().types(EventStore.class, Object.class).scope(ApplicationScoped.class)
                    .createWith(context -> running().createEventStore())
                    .destroyWith((store, context) -> running().closeEventStore(store));
        }
        event.addBean().types(CommandBus.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> running().createCommandBus())
                .destroyWith((bus, context) -> running().close());
        event.addBean().types(QueryBus.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> running().createQueryBus());
        event.addBean().types(ProjectionRegistry.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> running().projections());
        event.addBean().types(VersionRegistry.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> running().versions());
        event.addBean().types(SagaOrchestrator.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> {
                    running();
                    return sagaRuntime.orchestrator();
                });
        // Not for a deployment that fails: a server may keep calling the checks of an application that never started
        // (WildFly does), which would keep its readiness DOWN until it restarts.
        if (HealthSupport.available() && runtime != null) {
            HealthSupport.register(event, () -> running().projections(), () -> running().lagAge()::of, maxLag,
                    () -> running().telemetry());
        }
    }

    /**
     * The runtime, once the deployment is right. The problems found while the beans were discovered are reported
     * with those found once the container runs ({@link #announce}), in one exception; until then AllFrame's beans
     * exist, so that the container gets that far, and fail if anything asks for them.
     */
    private AllFrameRuntime running() {
        if (runtime == null) {
            throw new AllFrameDeploymentException(definitionProblems);
        }
        return runtime;
    }

    void announce(@Observes AfterDeploymentValidation event) {
        if (runtime == null) {
            if (sagaRuntime != null) {
                List<AllFrameMessage> problems = new ArrayList<>(definitionProblems);
                try {
                    problems.addAll(sagaRuntime.problemsOnceRunning());
                } catch (RuntimeException e) {
                    event.addDeploymentProblem(e);
                }
                event.addDeploymentProblem(new AllFrameDeploymentException(problems));
            }
            return;
        }
        try {
            List<AllFrameMessage> problems = new ArrayList<>(runtime.startProjections());
            ServerWorkers.Found workers = runtime.workers();
            problems.addAll(sagaRuntime.start(runtime.store(), runtime.storeName(), runtime.eventTypes(),
                    workers.workers(), workers.serverWithoutManagedExecutor(), runtime.telemetry()));
            if (!problems.isEmpty()) {
                event.addDeploymentProblem(new AllFrameDeploymentException(problems));
                return;
            }
            runtime.startRetention(retention);
        } catch (RuntimeException e) {
            event.addDeploymentProblem(e);
            return;
        }
        HandlerCatalog catalog = runtime.catalog();
        catalog.commands().forEach((type, model) ->
                LOG.fine(() -> StartMessages.handlerRegistered("Command", type, model.site()).toString()));
        catalog.queries().forEach((type, model) ->
                LOG.fine(() -> StartMessages.handlerRegistered("Query", type, model.site()).toString()));
        String version = AllFrameExtension.class.getPackage().getImplementationVersion();
        LOG.info(StartMessages.started(version == null ? "(development build)" : version,
                catalog.commands().size(), catalog.queries().size(), runtime.projectionCount(), sagaRuntime.sagaCount(),
                applicationEventStore ? "application's" : runtime.config().eventStore()).toString());
    }

    /** Stops the projections, the sagas and retention, then every thread and timer AllFrame started. */
    void stop(@Observes BeforeShutdown event) {
        if (runtime != null) {
            runtime.stopProjections();
            sagaRuntime.stop();
            runtime.stopRetention();
            runtime.closeWorkers();
        }
    }
}
