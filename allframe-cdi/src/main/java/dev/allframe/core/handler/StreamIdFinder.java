package dev.allframe.core.handler;

import dev.allframe.command.StreamId;
import dev.allframe.core.Problems;
import dev.allframe.core.Sites;
import dev.allframe.core.message.HandlerMessages;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the {@code @StreamId} member of a command type. */
final class StreamIdFinder {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private StreamIdFinder() {
    }

    /**
     * The type's {@code @StreamId} member. A member that is declared but unusable (or not unique) is
     * reported to {@code problems} and leaves the accessor empty.
     */
    static Lookup find(Class<?> commandType, Problems problems) {
        List<Candidate> candidates = new ArrayList<>();
        boolean invalid = false;
        Set<Method> componentAccessors = new HashSet<>();
        if (commandType.isRecord()) {
            for (RecordComponent component : commandType.getRecordComponents()) {
                componentAccessors.add(component.getAccessor());
                if (component.isAnnotationPresent(StreamId.class)) {
                    candidates.add(new Candidate(component.getName(),
                            commandType.getName() + "." + component.getName(),
                            Reflection.handle(component.getAccessor())));
                }
            }
        } else {
            for (Field field : Reflection.declaredFields(commandType)) {
                if (field.isAnnotationPresent(StreamId.class)) {
                    String site = field.getDeclaringClass().getName() + "." + field.getName();
                    if (Modifier.isStatic(field.getModifiers())) {
                        invalid = true;
                        problems.add(HandlerMessages.badStreamIdMember(site));
                    } else {
                        candidates.add(new Candidate(field.getName(), site, Reflection.getter(field)));
                    }
                }
            }
        }
        for (Method method : Reflection.declaredMethods(commandType)) {
            if (method.isAnnotationPresent(StreamId.class) && !componentAccessors.contains(method)) {
                if (method.getParameterCount() > 0 || method.getReturnType() == void.class
                        || Modifier.isStatic(method.getModifiers())) {
                    invalid = true;
                    problems.add(HandlerMessages.badStreamIdMember(Sites.of(method)));
                } else {
                    candidates.add(new Candidate(method.getName(), Sites.of(method), Reflection.handle(method)));
                }
            }
        }
        if (candidates.size() > 1) {
            problems.add(HandlerMessages.multipleStreamIds(commandType, candidates.stream().map(Candidate::site).toList()));
        }
        boolean declared = !candidates.isEmpty() || invalid;
        Optional<StreamIdAccessor> accessor = candidates.size() == 1
                ? Optional.of(candidates.get(0)).map(c -> new StreamIdAccessor(commandType, c.member(), c.getter().asType(GETTER)))
                : Optional.empty();
        return new Lookup(accessor, declared);
    }

    /**
     * @param declared whether the type marks any member with {@code @StreamId}, usable or not
     */
    record Lookup(Optional<StreamIdAccessor> accessor, boolean declared) {
    }

    private record Candidate(String member, String site, MethodHandle getter) {
    }
}
