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
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the extension learns about sagas while the application deploys: the {@code @SagaStep} beans, how each
 * one's {@code execute} is bounded, and the beans producing {@link SagaDefinition}s.
 */
final class SagaDiscovery {

    private final List<StepBean> steps = new ArrayList<>();
    private final Map<Class<?>, Bean<?>> stepBeans = new HashMap<>();
    private final List<DefinitionBean> definitions = new ArrayList<>();
    private final Problems scopeProblems = new Problems();

    /** In {@code ProcessManagedBean}: a {@code @SagaStep} bean. */
    void collect(Bean<?> bean, SagaStep step) {
        Class<? extends Annotation> scope = bean.getScope();
        if (scope != ApplicationScoped.class && scope != Dependent.class && scope != Singleton.class) {
            scopeProblems.add(SagaMessages.sagaStepScope(bean.getBeanClass(), scope.getSimpleName()));
            return;
        }
        steps.add(new StepBean(bean.getBeanClass(), step.saga(), step.order(), step.name(), step.timeout()));
        stepBeans.put(bean.getBeanClass(), bean);
    }

    /** In {@code ProcessBean}: a bean producing a {@link SagaDefinition}. */
    void noticeDefinition(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
            if (raw == SagaDefinition.class) {
                definitions.add(new DefinitionBean(bean, type));
                return;
            }
        }
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

    Map<Class<?>, Bean<?>> stepBeans() {
        return Map.copyOf(stepBeans);
    }

    /** A bean producing a {@link SagaDefinition}, and the bean type to look it up with. */
    record DefinitionBean(Bean<?> bean, Type type) {
    }

    List<DefinitionBean> definitions() {
        return List.copyOf(definitions);
    }
}
