package dev.allframe.core.handler;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import dev.allframe.command.StateVersion;
import dev.allframe.core.Problems;
import dev.allframe.core.Sites;
import dev.allframe.core.message.HandlerMessages;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks an aggregate state type and builds its {@link StateModel}. */
final class StateModelInspector {

    private static final MethodType SUPPLIER = MethodType.methodType(Object.class);
    private static final MethodType APPLIER = MethodType.methodType(Object.class, Object.class, Object.class);

    private StateModelInspector() {
    }

    /** The model, or empty when the type has problems (added to {@code problems}). */
    static Optional<StateModel> inspect(Class<?> type, String handlerSite, Problems problems) {
        int before = problems.size();
        List<Method> initialMethods = new ArrayList<>();
        Map<Class<?>, List<Method>> applyMethods = new LinkedHashMap<>();
        for (Method method : Reflection.declaredMethods(type)) {
            if (method.isAnnotationPresent(InitialState.class)) {
                initialMethods.add(method);
            }
            if (method.isAnnotationPresent(Apply.class)) {
                if (isValidApply(method, type)) {
                    applyMethods.computeIfAbsent(method.getParameterTypes()[0], k -> new ArrayList<>()).add(method);
                } else {
                    problems.add(HandlerMessages.badApply(Sites.of(method), type));
                }
            }
        }
        applyMethods.forEach((eventType, methods) -> {
            if (methods.size() > 1) {
                problems.add(HandlerMessages.duplicateApply(type, eventType, methods.stream().map(Sites::of).toList()));
            }
        });
        Initial initial = initial(type, initialMethods, handlerSite, problems);
        StateVersion version = type.getAnnotation(StateVersion.class);
        if (version != null && version.value() < 1) {
            problems.add(HandlerMessages.badStateVersion(type, version.value()));
        }
        if (problems.size() > before || initial == null) {
            return Optional.empty();
        }
        List<StateModel.Applier> appliers = new ArrayList<>();
        applyMethods.forEach((eventType, methods) -> {
            Method method = methods.get(0);
            appliers.add(new StateModel.Applier(eventType, Sites.of(method),
                    Reflection.handle(method).asType(APPLIER), method.getReturnType() != void.class));
        });
        return Optional.of(new StateModel(type, version == null ? 1 : version.value(), initial.site(),
                initial.handle(), appliers));
    }

    private static boolean isValidApply(Method method, Class<?> type) {
        return !Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 1
                && !method.getParameterTypes()[0].isPrimitive()
                && (method.getReturnType() == void.class || type.isAssignableFrom(method.getReturnType()));
    }

    private static Initial initial(Class<?> type, List<Method> methods, String handlerSite, Problems problems) {
        if (methods.size() > 1) {
            problems.add(HandlerMessages.multipleInitialStates(type, methods.stream().map(Sites::of).toList()));
            return null;
        }
        if (methods.size() == 1) {
            Method method = methods.get(0);
            if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                    || !type.isAssignableFrom(method.getReturnType())) {
                problems.add(HandlerMessages.badInitialState(Sites.of(method), type));
                return null;
            }
            return new Initial(Sites.of(method), Reflection.handle(method).asType(SUPPLIER));
        }
        Optional<Constructor<?>> constructor = noArgConstructor(type);
        if (constructor.isEmpty()) {
            problems.add(HandlerMessages.stateNotInstantiable(type, handlerSite));
            return null;
        }
        return new Initial(type.getName() + "()", Reflection.handle(constructor.get()).asType(SUPPLIER));
    }

    private static Optional<Constructor<?>> noArgConstructor(Class<?> type) {
        if (!MessageTypes.isConcreteApplicationClass(type) || type.isEnum()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.getDeclaredConstructor());
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private record Initial(String site, MethodHandle handle) {
    }
}
