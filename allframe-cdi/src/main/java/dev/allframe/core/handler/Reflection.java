package dev.allframe.core.handler;

import dev.allframe.core.Sites;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Method handles for members of application classes, made once at deployment. */
final class Reflection {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Reflection() {
    }

    static MethodHandle handle(Method method) {
        try {
            return LOOKUP.unreflect(accessible(method));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + method, e);
        }
    }

    static MethodHandle handle(Constructor<?> constructor) {
        try {
            return LOOKUP.unreflectConstructor(accessible(constructor));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + constructor, e);
        }
    }

    static MethodHandle getter(Field field) {
        try {
            return LOOKUP.unreflectGetter(accessible(field));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + field, e);
        }
    }

    /**
     * The methods declared by {@code type} and its superclasses, except {@code Object}'s, ordered by
     * class and then by signature so that messages list them the same way on every JVM.
     */
    static List<Method> declaredMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Method> declared = new ArrayList<>();
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isSynthetic() && !method.isBridge()) {
                    declared.add(method);
                }
            }
            declared.sort(Comparator.comparing(Sites::of));
            methods.addAll(declared);
        }
        return methods;
    }

    /** The fields declared by {@code type} and its superclasses, ordered by class and then by name. */
    static List<Field> declaredFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Field> declared = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                if (!field.isSynthetic()) {
                    declared.add(field);
                }
            }
            declared.sort(Comparator.comparing(Field::getName));
            fields.addAll(declared);
        }
        return fields;
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
