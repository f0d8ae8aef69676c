package dev.allframe.core.saga;

import dev.allframe.core.Problems;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/** Checks programmatic {@link SagaDefinition}s and turns them into runnable sagas. */
public final class SagaDefinitions {

    private SagaDefinitions() {
    }

    /**
     * The definition as a saga whose steps run on {@code executor}, each bounded by a {@link BoundedStepGuard}
     * with the step's own timeout or {@code defaultTimeout}; empty, with the problems added, when it has no
     * steps or two steps of one name.
     *
     * @param site how messages name where the definition comes from
     */
    public static Optional<SagaModel> model(SagaDefinition<?> definition, String site, Duration defaultTimeout,
                                            Executor executor, Timer timer, Problems problems) {
        if (definition.steps().isEmpty()) {
            problems.add(SagaMessages.emptySaga(definition.name(), site));
            return Optional.empty();
        }
        Map<String, List<String>> byName = new TreeMap<>();
        List<SagaStepModel> steps = new ArrayList<>();
        for (SagaDefinition.Entry entry : definition.steps()) {
            int position = steps.size() + 1;
            String stepSite = site + " step " + position;
            byName.computeIfAbsent(entry.name(), n -> new ArrayList<>()).add(stepSite);
            String stepClass = entry.step().getClass().getName();
            StepPolicy policy = StepPolicy.timeout(entry.timeout().orElse(defaultTimeout));
            steps.add(new SagaStepModel(position, entry.name(), stepClass, erased(entry.step()),
                    new BoundedStepGuard(executor, timer, stepClass, policy)));
        }
        int before = problems.size();
        byName.forEach((name, sites) -> {
            if (sites.size() > 1) {
                problems.add(SagaMessages.duplicateStepName(definition.name(), name, sites));
            }
        });
        return problems.size() == before ? Optional.of(new SagaModel(definition.name(), steps)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Step<Object> erased(Step<?> step) {
        return (Step<Object>) step;
    }
}
