package dev.allframe.core.handler;

import dev.allframe.core.Problems;
import dev.allframe.core.Sites;
import dev.allframe.core.message.HandlerMessages;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks single handler methods. Command types and state types shared by several handlers are
 * inspected once, so each of their problems is reported once.
 */
final class HandlerInspector {

    private final Problems problems;
    private final Map<Class<?>, StreamIdFinder.Lookup> streamIds = new HashMap<>();
    private final Map<Class<?>, Optional<StateModel>> states = new HashMap<>();

    HandlerInspector(Problems problems) {
        this.problems = problems;
    }

    Optional<CommandHandlerModel> command(HandlerMethod handler) {
        Method method = handler.method();
        String site = Sites.of(method);
        if (!hasValidSignatureBasics(handler)) {
            return Optional.empty();
        }
        int count = method.getParameterCount();
        boolean decided = BoundaryInspector.decidesOverModels(method);
        if (count < 1 || (count > 2 && !decided)) {
            problems.add(HandlerMessages.commandHandlerParameters(site, count));
            return Optional.empty();
        }
        Class<?> commandType = method.getParameterTypes()[0];
        if (!MessageTypes.isConcreteApplicationClass(commandType)) {
            problems.add(HandlerMessages.notAConcreteMessageType(HandlerKind.COMMAND.annotation(), site,
                    commandType.getTypeName()));
            return Optional.empty();
        }
        int before = problems.size();
        ReturnShape shape = ReturnShape.of(method.getReturnType());
        if (shape == null) {
            problems.add(HandlerMessages.commandHandlerReturnType(site, method.getGenericReturnType().getTypeName()));
        } else {
            EventClassCollector.unknownClasses(method, shape).ifPresent(why -> problems.add(
                    HandlerMessages.eventClassesUnknown(site, method.getGenericReturnType().getTypeName(), why)));
        }
        StreamIdFinder.Lookup streamId = streamIds.computeIfAbsent(commandType, t -> StreamIdFinder.find(t, problems));
        Optional<StateModel> state = Optional.empty();
        List<BoundaryModel> boundary = List.of();
        if (decided) {
            boundary = new BoundaryInspector(problems, states).inspect(method, site);
            if (shape != null && (shape != ReturnShape.NONE || handler.createsStream()) && !streamId.declared()) {
                problems.add(HandlerMessages.appendsWithoutStreamId(site, commandType));
            }
        } else if (count == 2) {
            if (handler.createsStream()) {
                problems.add(HandlerMessages.createsStreamWithState(site));
            }
            state = states.computeIfAbsent(method.getParameterTypes()[1],
                    t -> StateModelInspector.inspect(t, site, problems));
            if (!streamId.declared()) {
                problems.add(HandlerMessages.statefulWithoutStreamId(site, commandType));
            }
        } else if (shape != null && (shape != ReturnShape.NONE || handler.createsStream()) && !streamId.declared()) {
            problems.add(HandlerMessages.appendsWithoutStreamId(site, commandType));
        }
        if (problems.size() > before || (count == 2 && !decided && state.isEmpty())
                || (streamId.declared() && streamId.accessor().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new CommandHandlerModel(handler.beanClass(), method, commandType, streamId.accessor(),
                state, shape, handler.createsStream(), boundary));
    }

    Optional<QueryHandlerModel> query(HandlerMethod handler) {
        Method method = handler.method();
        String site = Sites.of(method);
        if (!hasValidSignatureBasics(handler)) {
            return Optional.empty();
        }
        if (method.getParameterCount() != 1) {
            problems.add(HandlerMessages.queryHandlerParameters(site, method.getParameterCount()));
            return Optional.empty();
        }
        Class<?> queryType = method.getParameterTypes()[0];
        if (!MessageTypes.isConcreteApplicationClass(queryType)) {
            problems.add(HandlerMessages.notAConcreteMessageType(HandlerKind.QUERY.annotation(), site,
                    queryType.getTypeName()));
            return Optional.empty();
        }
        if (method.getReturnType() == void.class) {
            problems.add(HandlerMessages.queryHandlerReturnsVoid(site));
            return Optional.empty();
        }
        return Optional.of(new QueryHandlerModel(handler.beanClass(), method, queryType));
    }

    private boolean hasValidSignatureBasics(HandlerMethod handler) {
        Method method = handler.method();
        int modifiers = method.getModifiers();
        if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || method.getTypeParameters().length > 0) {
            problems.add(HandlerMessages.handlerModifiers(handler.kind().annotation(), Sites.of(method)));
            return false;
        }
        return true;
    }
}
