package dev.allframe.cdi;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.AllFrameMessage;
import dev.allframe.core.config.RetentionSettings;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.message.StartMessages;
import dev.allframe.saga.SagaOrchestrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * One application's AllFrame, as both front ends run it: made of the deployment's plan, started when the container
 * has validated the deployment, stopped when it shuts down. A plan with problems makes an application that does not
 * run: asking it for a bean reports them.
 */
final class Application {

    private static final Logger LOG = Logger.getLogger(AllFrameExtension.class.getName());

    private final AllFrameRuntime runtime;
    private final SagaRuntime sagaRuntime;
    private final List<AllFrameMessage> definitionProblems;
    private final RetentionSettings retention;
    private final boolean applicationEventStore;
    private final Duration maxLag;

    /**
     * @param time          the time AllFrame runs on, {@code null} for the system's clock and the server's threads
     * @param serverThreads whether to look for the server's managed threads (Jakarta Concurrency's, by their names),
     *                      rather than use threads of AllFrame's own
     */
    Application(DeploymentPlan plan, ContainerBeans beans, boolean applicationEventStore, Time time,
                boolean serverThreads) {
        this.applicationEventStore = applicationEventStore;
        this.retention = plan.retention();
        this.maxLag = plan.maxLag();
        this.definitionProblems = plan.problems();
        this.sagaRuntime = new SagaRuntime(plan.sagaPlans(), plan.stepPolicies(), plan.sagaSettings(), beans);
        this.runtime = plan.problems().isEmpty()
                ? new AllFrameRuntime(plan.model(), plan.config(), beans, plan.configValues(),
                plan.provider().orElseThrow(), applicationEventStore, time, plan.telemetry(), serverThreads)
                : null;
    }

    /** Whether the plan had no problem, so that the application can run. */
    boolean runs() {
        return runtime != null;
    }

    /**
     * The runtime, once the deployment is right. The problems found while the beans were discovered are reported
     * with those found once the container runs ({@link #start}), in one exception; until then AllFrame's beans
     * exist, so that the container gets that far, and fail if anything asks for them.
     */
    AllFrameRuntime running() {
        if (runtime == null) {
            throw new AllFrameDeploymentException(definitionProblems);
        }
        return runtime;
    }

    /** How far behind a projection may be before its readiness check reports it down. */
    Duration maxLag() {
        return maxLag;
    }

    SagaOrchestrator orchestrator() {
        running();
        return sagaRuntime.orchestrator();
    }

    /**
     * Starts the projections, the sagas and retention once the container has validated the deployment; the
     * problems, each as an exception for the container to report, empty when the application started. An
     * application that does not run reports the problems of its plan with those only the running container shows.
     */
    List<RuntimeException> start() {
        List<RuntimeException> failures = new ArrayList<>();
        if (runtime == null) {
            List<AllFrameMessage> problems = new ArrayList<>(definitionProblems);
            try {
                problems.addAll(sagaRuntime.problemsOnceRunning());
            } catch (RuntimeException e) {
                failures.add(e);
            }
            failures.add(new AllFrameDeploymentException(problems));
            return failures;
        }
        try {
            List<AllFrameMessage> problems = new ArrayList<>(runtime.startProjections());
            ServerWorkers.Found workers = runtime.workers();
            problems.addAll(sagaRuntime.start(runtime.store(), runtime.storeName(), runtime.eventTypes(),
                    workers.workers(), workers.serverWithoutManagedExecutor(), runtime.telemetry()));
            if (!problems.isEmpty()) {
                failures.add(new AllFrameDeploymentException(problems));
                return failures;
            }
            runtime.startRetention(retention);
        } catch (RuntimeException e) {
            failures.add(e);
            return failures;
        }
        announce();
        return failures;
    }

    private void announce() {
        HandlerCatalog catalog = runtime.catalog();
        catalog.commands().forEach((type, model) ->
                LOG.fine(() -> StartMessages.handlerRegistered("Command", type, model.site()).toString()));
        catalog.queries().forEach((type, model) ->
                LOG.fine(() -> StartMessages.handlerRegistered("Query", type, model.site()).toString()));
        String version = Application.class.getPackage().getImplementationVersion();
        LOG.info(StartMessages.started(version == null ? "(development build)" : version,
                catalog.commands().size(), catalog.queries().size(), runtime.projectionCount(), sagaRuntime.sagaCount(),
                applicationEventStore ? "application's" : runtime.config().eventStore()).toString());
    }

    /** Stops the projections, the sagas and retention, then every thread and timer AllFrame started. */
    void stop() {
        if (runtime != null) {
            runtime.stopProjections();
            sagaRuntime.stop();
            runtime.stopRetention();
            runtime.closeWorkers();
        }
    }
}
