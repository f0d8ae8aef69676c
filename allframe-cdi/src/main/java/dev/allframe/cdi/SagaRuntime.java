package dev.allframe.cdi;

import dev.allframe.AllFrameMessage;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.config.SagaSettings;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.core.message.StoreMessages;
import dev.allframe.core.saga.BoundedStepGuard;
import dev.allframe.core.saga.SagaDefinitions;
import dev.allframe.core.saga.SagaEngine;
import dev.allframe.core.saga.SagaLeases;
import dev.allframe.core.saga.SagaModel;
import dev.allframe.core.saga.SagaStepInspector.PlannedStep;
import dev.allframe.core.saga.SagaStepInspector.SagaPlan;
import dev.allframe.core.saga.SagaStepModel;
import dev.allframe.core.saga.StepPolicy;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.work.Lane;
import dev.allframe.core.work.Timer;
import dev.allframe.core.work.Workers;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.Step;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.saga.SagaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Binds the sagas to their beans once the container runs, checks what can only be checked then (the saga
 * names of produced definitions), and runs the saga engine with its leases and recovery until shutdown. Every
 * step's execution is bounded by a {@link BoundedStepGuard} on the steps' lane of AllFrame's workers.
 */
final class SagaRuntime {

    private static final Logger LOG = Logger.getLogger(SagaRuntime.class.getName());

    private final List<SagaPlan> plans;
    private final Map<Class<?>, StepPolicy> policies;
    private final SagaSettings settings;
    private final ContainerBeans beans;
    private final Object lock = new Object();
    private SagaEngine engine;
    private SagaLeases leases;

    SagaRuntime(List<SagaPlan> plans, Map<Class<?>, StepPolicy> policies, SagaSettings settings,
                ContainerBeans beans) {
        this.plans = List.copyOf(plans);
        this.policies = Map.copyOf(policies);
        this.settings = settings;
        this.beans = beans;
    }

    /**
     * Builds the sagas and starts recovering unfinished ones; the problems found, empty when it started.
     *
     * @param storeName how messages name the store
     */
    List<AllFrameMessage> start(StoreCapabilities store, String storeName, EventTypeRegistry eventTypes,
                                Workers workers, boolean serverWithoutManagedExecutor, Telemetry telemetry) {
        Problems problems = new Problems();
        Executor steps = telemetry.propagating(workers.executor(Lane.STEPS));
        List<SagaModel> models = new ArrayList<>();
        for (SagaPlan plan : plans) {
            models.add(new SagaModel(plan.name(), plan.steps().stream()
                    .map(step -> bind(step, steps, workers.timer())).toList()));
        }
        models.addAll(produced(steps, workers.timer(), problems));
        if (!models.isEmpty() && store.sagas().isEmpty()) {
            problems.add(StoreMessages.noSagaStore(models.stream().map(SagaModel::name).sorted().toList(), storeName));
        }
        if (!problems.isEmpty()) {
            return problems.messages();
        }
        if (!models.isEmpty() && serverWithoutManagedExecutor) {
            LOG.warning(SagaMessages.sagasWithoutManagedExecutor(ServerWorkers.MANAGED_EXECUTOR).toString());
        }
        SagaStore sagaStore = store.sagas().orElseGet(InMemorySagaStore::new);
        SagaEngine started = new SagaEngine(models, sagaStore, store.events(), eventTypes,
                workers.executor(Lane.SAGAS), workers.clock(), settings.lease(), telemetry);
        synchronized (lock) {
            engine = started;
            leases = models.isEmpty() ? null
                    : SagaLeases.start(started, settings.lease(), workers.timer(), workers.executor(Lane.SAGAS));
        }
        return List.of();
    }

    /**
     * What only the running container can tell about the sagas, for a deployment that fails for other problems
     * already: the produced definitions and the names defined more than once. Nothing is bound or started.
     */
    List<AllFrameMessage> problemsOnceRunning() {
        Problems problems = new Problems();
        Executor never = task -> {
            throw new RejectedExecutionException("the deployment failed: no saga runs");
        };
        Timer noTime = (delay, task) -> {
            throw new RejectedExecutionException("the deployment failed: no saga runs");
        };
        produced(never, noTime, problems);
        return problems.messages();
    }

    /**
     * The sagas of the produced definitions, each problem added to {@code problems}: a definition that is wrong,
     * and a saga name defined more than once (by definitions or {@code @SagaStep} beans).
     */
    private List<SagaModel> produced(Executor steps, Timer timer, Problems problems) {
        Map<String, List<String>> sites = new TreeMap<>();
        for (SagaPlan plan : plans) {
            sites.computeIfAbsent(plan.name(), n -> new ArrayList<>()).add("@SagaStep beans " + plan.steps().stream()
                    .map(step -> step.beanClass().getName()).collect(Collectors.joining(", ")));
        }
        List<SagaModel> models = new ArrayList<>();
        for (ContainerBeans.ProducedDefinition produced : beans.sagaDefinitions()) {
            SagaDefinition<?> definition = produced.definition().get();
            String site = produced.site();
            sites.computeIfAbsent(definition.name(), n -> new ArrayList<>()).add(site);
            SagaDefinitions.model(definition, site, settings.stepTimeout(), steps, timer, problems).ifPresent(models::add);
        }
        sites.forEach((name, definedBy) -> {
            if (definedBy.size() > 1) {
                problems.add(SagaMessages.duplicateSaga(name, definedBy));
            }
        });
        return models;
    }

    SagaOrchestrator orchestrator() {
        synchronized (lock) {
            return engine;
        }
    }

    int sagaCount() {
        synchronized (lock) {
            return engine == null ? 0 : engine.sagas().size();
        }
    }

    void stop() {
        synchronized (lock) {
            if (leases != null) {
                leases.close();
            }
            if (engine != null) {
                engine.stop();
            }
        }
    }

    private SagaStepModel bind(PlannedStep step, Executor executor, Timer timer) {
        Step<Object> reference = erased(beans.reference(step.beanClass()));
        String site = step.beanClass().getName();
        return new SagaStepModel(step.position(), step.name(), site, reference,
                new BoundedStepGuard(executor, timer, site, policies.get(step.beanClass())));
    }

    @SuppressWarnings("unchecked")
    private static Step<Object> erased(Object reference) {
        return (Step<Object>) reference;
    }
}
