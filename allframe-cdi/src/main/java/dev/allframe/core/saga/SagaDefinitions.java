package dev.allframe.core.saga;

import dev.allframe.SagaDefinition;
import dev.allframe.Step;
import dev.allframe.core.AllFrameMessages;
import dev.allframe.core.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Checks programmatic {@link SagaDefinition}s and turns them into runnable sagas. */
public final class SagaDefinitions {

    private SagaDefinitions() {
    }

    /**
     * The definition as a saga whose steps {@code guards} bounds, each with the step's own timeout or
     * {@code defaultTimeout}; empty, with the problems added, when it has none or two steps of one name.
     *
     * @param site how messages name where the definition comes from
     */
    public static Optional<SagaModel> model(SagaDefinition<?> definition, String site, Duration defaultTimeout,
                                            Function<Duration, StepGuard> guards, Problems problems) {
        if (definition.steps().isEmpty()) {
            problems.add(AllFrameMessages.emptySaga(definition.name(), site));
            return Optional.empty();
        }
        Map<String, List<String>> byName = new TreeMap<>();
        List<SagaStepModel> steps = new ArrayList<>();
        for (SagaDefinition.Entry entry : definition.steps()) {
            int position = steps.size() + 1;
            String stepSite = site + " step " + position;
            byName.computeIfAbsent(entry.name(), n -> new ArrayList<>()).add(stepSite);
            steps.add(new SagaStepModel(position, entry.name(), entry.step().getClass().getName(), erased(entry.step()),
                    guards.apply(entry.timeout().orElse(defaultTimeout))));
        }
        int before = problems.size();
        byName.forEach((name, sites) -> {
            if (sites.size() > 1) {
                problems.add(AllFrameMessages.duplicateStepName(definition.name(), name, sites));
            }
        });
        return problems.size() == before ? Optional.of(new SagaModel(definition.name(), steps)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Step<Object> erased(Step<?> step) {
        return (Step<Object>) step;
    }
}
