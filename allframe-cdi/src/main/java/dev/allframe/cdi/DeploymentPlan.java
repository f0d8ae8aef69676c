package dev.allframe.cdi;

import dev.allframe.AllFrameMessage;
import dev.allframe.EventStoreException;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.config.ConfigValues;
import dev.allframe.core.config.RetentionSettings;
import dev.allframe.core.config.SagaSettings;
import dev.allframe.core.handler.EventClassCollector;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.HandlerMethod;
import dev.allframe.core.message.HandlerMessages;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionModel;
import dev.allframe.core.saga.SagaStepInspector.SagaPlan;
import dev.allframe.core.saga.StepPolicy;
import dev.allframe.core.version.UpcasterMethod;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.core.version.VersionGraphBuilder;
import dev.allframe.spi.EventStoreProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What AllFrame makes of the beans an extension found, with every problem of the application: the handlers, the
 * projections, the sagas' steps, the event types and their versions, read with AllFrame's configuration. Whichever
 * extension found the beans, the model and the problems are the same.
 *
 * @param problems empty when the application can run
 */
record DeploymentPlan(List<AllFrameMessage> problems, ConfigValues configValues, AllFrameConfig config,
                      boolean telemetry, Duration maxLag, AllFrameRuntime.Model model, List<SagaPlan> sagaPlans,
                      SagaSettings sagaSettings, Map<Class<?>, StepPolicy> stepPolicies, RetentionSettings retention,
                      Optional<EventStoreProvider> provider) {

    /**
     * What the extension found.
     *
     * @param typeRestricted the classes of handler beans whose bean types leave out the class itself
     * @param scopeProblems  the beans found in a scope AllFrame cannot use
     */
    record Found(List<HandlerMethod> handlerMethods, List<Class<?>> typeRestricted, List<ProjectionBean> projections,
                 List<UpcasterMethod> upcasters, List<AllFrameMessage> scopeProblems, SagaDiscovery sagas,
                 boolean applicationEventStore) {
    }

    /** The plan for what {@code found} holds, with the configuration as it is now. */
    static DeploymentPlan make(Found found) {
        Problems problems = new Problems();
        found.scopeProblems().forEach(problems::add);
        ConfigValues configValues = CurrentConfig.values();
        EventStoreProviders providers = EventStoreProviders.load();
        problems.addAll(providers.problems());
        AllFrameConfig config = AllFrameConfig.read(configValues, providers.names(), providers.configKeys(), problems);
        boolean telemetry = AllFrameConfig.telemetryEnabled(configValues, problems);
        Duration maxLag = AllFrameConfig.healthMaxLag(configValues, problems);
        HandlerCatalog catalog = HandlerCatalog.build(found.handlerMethods(), problems);
        found.typeRestricted().forEach(beanClass -> problems.add(HandlerMessages.handlerBeanTypeRestricted(beanClass)));
        ValidationSupport.check(catalog, problems);
        List<ProjectionModel> projections = ProjectionInspector.inspect(found.projections(), problems);
        List<SagaPlan> sagaPlans = found.sagas().plans(problems);
        SagaSettings sagaSettings = SagaSettings.read(configValues, problems);
        RetentionSettings retention = RetentionSettings.read(configValues, problems);
        Map<Class<?>, StepPolicy> stepPolicies = found.sagas().policies(configValues, sagaSettings, problems);
        EventTypeRegistry eventTypes = eventTypes(catalog, projections, problems);
        VersionGraph versions = VersionGraphBuilder.build(eventTypes, found.upcasters(), problems);
        eventTypes.checkTypeNames(problems);
        Optional<EventStoreProvider> provider = providers.named(config.eventStore());
        if (!found.applicationEventStore()) {
            provider.ifPresent(p -> problems.addAll(p.check(new CdiEventStoreContext(configValues, null,
                    () -> eventTypes))));
        }
        return new DeploymentPlan(problems.messages(), configValues, config, telemetry, maxLag,
                new AllFrameRuntime.Model(catalog, projections, versions, eventTypes), sagaPlans, sagaSettings,
                stepPolicies, retention, provider);
    }

    private static EventTypeRegistry eventTypes(HandlerCatalog catalog, List<ProjectionModel> projections,
                                                Problems problems) {
        EventTypeRegistry registry = new EventTypeRegistry();
        List<Class<?>> projected = projections.stream().flatMap(projection -> projection.eventTypes().stream())
                .toList();
        for (Class<?> eventClass : EventClassCollector.collect(catalog, projected)) {
            try {
                registry.register(eventClass);
            } catch (EventStoreException e) {
                problems.add(e.allFrameMessage());
            }
        }
        return registry;
    }
}
