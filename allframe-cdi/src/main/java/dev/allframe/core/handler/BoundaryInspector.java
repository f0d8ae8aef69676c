package dev.allframe.core.handler;

import dev.allframe.command.DecisionModel;
import dev.allframe.core.Problems;
import dev.allframe.core.TagComponents;
import dev.allframe.core.message.HandlerMessages;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the decision models of a command handler decided over queries: each parameter after the command is a
 * {@link DecisionModel} with a valid state model that applies some event, and each tag key a model asks for is
 * given by exactly one tagged component of the command.
 */
final class BoundaryInspector {

    private final Problems problems;
    private final Map<Class<?>, Optional<StateModel>> states;

    BoundaryInspector(Problems problems, Map<Class<?>, Optional<StateModel>> states) {
        this.problems = problems;
        this.states = states;
    }

    /** Whether {@code method} takes a decision model after its command. */
    static boolean decidesOverModels(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 1; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(DecisionModel.class)) {
                return true;
            }
        }
        return false;
    }

    /** The models of {@code method}, in order; problems go to the problems given at construction. */
    List<BoundaryModel> inspect(Method method, String site) {
        Class<?> commandType = method.getParameterTypes()[0];
        List<TagComponents.Component> commandTags = TagComponents.of(commandType);
        List<BoundaryModel> models = new ArrayList<>();
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 1; i < parameters.length; i++) {
            Class<?> type = parameters[i];
            DecisionModel annotation = type.getAnnotation(DecisionModel.class);
            if (annotation == null) {
                problems.add(HandlerMessages.notADecisionModel(site, i + 1, type));
                continue;
            }
            Optional<StateModel> state = states.computeIfAbsent(type,
                    t -> StateModelInspector.inspect(t, site, problems));
            if (state.isPresent() && state.get().eventTypes().isEmpty()) {
                problems.add(HandlerMessages.decisionModelAppliesNothing(type, site));
            }
            List<TagComponents.Component> keys = new ArrayList<>();
            for (String key : annotation.tags()) {
                List<TagComponents.Component> giving = commandTags.stream()
                        .filter(component -> component.key().equals(key)).toList();
                if (giving.size() == 1) {
                    keys.add(giving.get(0));
                } else {
                    problems.add(HandlerMessages.decisionTagNotGiven(type, key, commandType, site,
                            giving.stream().map(TagComponents.Component::name).toList()));
                }
            }
            state.ifPresent(model -> models.add(new BoundaryModel(model, keys)));
        }
        return models;
    }
}
