package dev.allframe.cdi;

import dev.allframe.core.Problems;
import dev.allframe.core.config.ConfigValues;
import dev.allframe.core.config.SagaSettings;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.core.saga.FaultToleranceKeys;
import dev.allframe.core.saga.SagaStepInspector.SagaPlan;
import dev.allframe.core.saga.SagaStepInspector.StepBean;
import dev.allframe.core.saga.SagaStepInspector;
import dev.allframe.core.saga.StepPolicy;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the extension learns about sagas while the application deploys: the {@code @SagaStep} beans and how each
 * one's {@code execute} is bounded. The beans producing {@link SagaDefinition}s are looked up once the container
 * runs ({@link ContainerBeans#sagaDefinitions()}).
 */
final class SagaDiscovery {

    private final List<StepBean> steps = new ArrayList<>();
    private final Problems scopeProblems = new Problems();

    /** Whether AllFrame can call a bean of {@code scope}: one without a request, session or conversation. */
    static boolean usableScope(Class<? extends Annotation> scope) {
        return scope == ApplicationScoped.class || scope == Dependent.class || scope == Singleton.class;
    }

    /** A {@code @SagaStep} bean; whether its scope lets it be one. */
    boolean collect(Class<?> beanClass, Class<? extends Annotation> scope, SagaStep step) {
        if (!usableScope(scope)) {
            scopeProblems.add(SagaMessages.sagaStepScope(beanClass, scope.getSimpleName()));
            return false;
        }
        steps.add(new StepBean(beanClass, step.saga(), step.order(), step.name(), step.timeout()));
        return true;
    }

    /** Checks the steps; the sagas they make, with every problem added to {@code problems}. */
    List<SagaPlan> plans(Problems problems) {
        scopeProblems.messages().forEach(problems::add);
        return SagaStepInspector.inspect(steps, problems);
    }

    /**
     * How each step bean's execution is bounded: its {@code @SagaStep(timeout)} or {@code allframe.saga.step-timeout},
     * unless its Fault Tolerance keys say otherwise; each bad key value is added to {@code problems}.
     */
    Map<Class<?>, StepPolicy> policies(ConfigValues values, SagaSettings settings, Problems problems) {
        Map<Class<?>, StepPolicy> policies = new HashMap<>();
        for (StepBean step : steps) {
            Duration timeout = step.ownTimeout().orElse(settings.stepTimeout());
            policies.put(step.beanClass(), FaultToleranceKeys.read(values, step.beanClass().getName(), timeout, problems));
        }
        return policies;
    }

}
