package dev.allframe.cdi;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandHandler;
import dev.allframe.event.TagBackfill;
import dev.allframe.event.VersionRegistry;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.query.QueryHandler;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaStep;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AllFrame's portable extension: finds {@link CommandHandler} and {@link QueryHandler} methods on
 * managed beans, reports every problem at once, and registers {@link CommandBus}, {@link QueryBus} and
 * the {@link EventStore} (unless the application defines its own) as application-scoped beans. It makes
 * sagas of the {@link SagaStep} beans, each step bounded by its timeout, and registers the
 * {@link SagaOrchestrator}.
 */
public class AllFrameExtension implements Extension {

    private final FoundBeans found = new FoundBeans();
    private final Map<Class<?>, Bean<?>> usedBeans = new HashMap<>();
    private final List<Bean<?>> deployedBeans = new ArrayList<>();
    private final List<PortableBeans.DefinitionBean> definitions = new ArrayList<>();
    private final Time time;
    private boolean applicationEventStore;
    private Application application;

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
        AnnotatedType<T> type = event.getAnnotatedBeanClass();
        List<FoundBeans.Member> methods = new ArrayList<>();
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            methods.add(new FoundBeans.Member(method.getJavaMember(), method::getAnnotation));
        }
        Bean<?> bean = event.getBean();
        if (found.add(bean.getBeanClass(), bean.getScope(), type::getAnnotation, methods)) {
            usedBeans.put(bean.getBeanClass(), bean);
        }
    }

    void noticeApplicationBeans(@Observes ProcessBean<?> event) {
        if (application == null) {
            Bean<?> bean = event.getBean();
            deployedBeans.add(bean);
            if (bean.getTypes().contains(EventStore.class)) {
                applicationEventStore = true;
            }
            PortableBeans.definitionType(bean).ifPresent(type ->
                    definitions.add(new PortableBeans.DefinitionBean(bean, type)));
        }
    }

    void registerBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        List<Class<?>> typeRestricted = found.handlerBeans().stream()
                .filter(beanClass -> !usedBeans.get(beanClass).getTypes().contains(beanClass)).toList();
        DeploymentPlan plan = DeploymentPlan.make(found.found(typeRestricted, applicationEventStore));
        Application made = new Application(plan, new PortableBeans(beanManager, usedBeans, deployedBeans, definitions),
                applicationEventStore, time, true);
        application = made;
        if (!applicationEventStore) {
            event.<EventStore>addBean().types(EventStore.class, Object.class).scope(ApplicationScoped.class)
                    .createWith(context -> made.running().createEventStore())
                    .destroyWith((store, context) -> made.running().closeEventStore(store));
        }
        event.addBean().types(CommandBus.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> made.running().createCommandBus())
                .destroyWith((bus, context) -> made.running().close());
        event.addBean().types(QueryBus.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> made.running().createQueryBus());
        event.addBean().types(ProjectionRegistry.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> made.running().projections());
        event.addBean().types(VersionRegistry.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> made.running().versions());
        event.addBean().types(TagBackfill.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> made.running().tagBackfill());
        event.addBean().types(SagaOrchestrator.class, Object.class).scope(ApplicationScoped.class)
                .createWith(context -> made.orchestrator());
        // Not for a deployment that fails: a server may keep calling the checks of an application that never started
        // (WildFly does), which would keep its readiness DOWN until it restarts.
        if (HealthSupport.available() && made.runs()) {
            HealthSupport.register(event, () -> made.running().projections(), () -> made.running().lagAge()::of,
                    plan.maxLag(), () -> made.running().telemetry());
        }
    }

    void announce(@Observes AfterDeploymentValidation event) {
        if (application != null) {
            application.start().forEach(event::addDeploymentProblem);
        }
    }

    /** Stops the projections, the sagas and retention, then every thread and timer AllFrame started. */
    void stop(@Observes BeforeShutdown event) {
        if (application != null) {
            application.stop();
        }
    }
}
