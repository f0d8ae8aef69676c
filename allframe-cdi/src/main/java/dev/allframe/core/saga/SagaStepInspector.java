package dev.allframe.core.saga;

import dev.allframe.core.Problems;
import dev.allframe.core.config.SagaSettings;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.saga.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Checks the application's {@code @SagaStep} beans and orders them into sagas; every problem is reported. */
public final class SagaStepInspector {

    private SagaStepInspector() {
    }

    /** A {@code @SagaStep} bean as discovered. */
    public record StepBean(Class<?> beanClass, String saga, int order, String name, String timeout) {

        /** The step's name: {@link dev.allframe.saga.SagaStep#name()}, or the class's simple name. */
        public String stepName() {
            return name.isBlank() ? beanClass.getSimpleName() : name;
        }

        /** The timeout {@link dev.allframe.saga.SagaStep#timeout()} gives, if any and valid. */
        public Optional<Duration> ownTimeout() {
            return timeout.isBlank() ? Optional.empty() : SagaSettings.parseTimeout(timeout);
        }
    }

    /** A checked step: its place in the saga and its bean class. */
    public record PlannedStep(int position, String name, Class<?> beanClass) {
    }

    /** A saga made of {@code @SagaStep} beans, its steps in order. */
    public record SagaPlan(String name, List<PlannedStep> steps) {

        public SagaPlan {
            steps = List.copyOf(steps);
        }
    }

    public static List<SagaPlan> inspect(List<StepBean> beans, Problems problems) {
        Map<String, List<StepBean>> bySaga = new TreeMap<>();
        beans.stream().sorted(Comparator.comparing(bean -> bean.beanClass().getName())).forEach(bean -> {
            if (check(bean, problems)) {
                bySaga.computeIfAbsent(bean.saga(), saga -> new ArrayList<>()).add(bean);
            }
        });
        List<SagaPlan> plans = new ArrayList<>();
        bySaga.forEach((saga, steps) -> {
            int before = problems.size();
            duplicates(steps, StepBean::order, (order, sites) ->
                    problems.add(SagaMessages.duplicateStepOrder(saga, order, sites)));
            duplicates(steps, StepBean::stepName, (name, sites) ->
                    problems.add(SagaMessages.duplicateStepName(saga, name, sites)));
            if (problems.size() == before) {
                List<StepBean> ordered = steps.stream().sorted(Comparator.comparingInt(StepBean::order)).toList();
                List<PlannedStep> planned = new ArrayList<>();
                for (StepBean bean : ordered) {
                    planned.add(new PlannedStep(planned.size() + 1, bean.stepName(), bean.beanClass()));
                }
                plans.add(new SagaPlan(saga, planned));
            }
        });
        return plans;
    }

    private static boolean check(StepBean bean, Problems problems) {
        int before = problems.size();
        if (!Step.class.isAssignableFrom(bean.beanClass())) {
            problems.add(SagaMessages.notAStep(bean.beanClass(), bean.saga()));
        }
        if (bean.order() < 1) {
            problems.add(SagaMessages.badStepOrder(bean.beanClass(), bean.order()));
        }
        if (!bean.timeout().isBlank() && bean.ownTimeout().isEmpty()) {
            problems.add(SagaMessages.badStepTimeout(bean.beanClass(), bean.timeout()));
        }
        return problems.size() == before;
    }

    private interface Clash<K> {
        void report(K key, List<String> sites);
    }

    private static <K extends Comparable<K>> void duplicates(List<StepBean> steps, Function<StepBean, K> key,
                                                             Clash<K> clash) {
        Map<K, List<String>> byKey = new TreeMap<>();
        steps.forEach(step -> byKey.computeIfAbsent(key.apply(step), k -> new ArrayList<>())
                .add(step.beanClass().getName()));
        byKey.forEach((k, sites) -> {
            if (sites.size() > 1) {
                clash.report(k, sites);
            }
        });
    }
}
