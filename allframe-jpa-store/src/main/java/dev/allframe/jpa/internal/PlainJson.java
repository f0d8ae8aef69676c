package dev.allframe.jpa.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which classes JSON-B maps by itself exactly as {@link RecordWriter} and {@link RecordReader} do: public records
 * (in public classes) without JSON-B annotations whose components are such records, enums or the platform's types,
 * also inside generic types and arrays. JSON-B maps those faster, having looked at each class once; every other class
 * goes through the record mapping.
 */
public final class PlainJson {

    private static final String JSONB_ANNOTATIONS = "jakarta.json.bind.annotation.";
    private static final ClassValue<Boolean> PLAIN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return plain(type, new HashSet<>());
        }
    };

    private PlainJson() {
    }

    public static boolean mapsByItself(Class<?> type) {
        return PLAIN.get(type);
    }

    private static boolean plain(Type type, Set<Class<?>> seen) {
        if (type instanceof Class<?> raw) {
            return plainClass(raw, seen);
        }
        if (type instanceof ParameterizedType parameterized) {
            return plain(parameterized.getRawType(), seen)
                    && Arrays.stream(parameterized.getActualTypeArguments()).allMatch(arg -> plain(arg, seen));
        }
        return false;
    }

    private static boolean plainClass(Class<?> type, Set<Class<?>> seen) {
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isArray()) {
            return plainClass(type.getComponentType(), seen);
        }
        if (type.getName().startsWith("java.")) {
            return !type.isInterface() || type.getName().startsWith("java.util.");
        }
        if (!publicAllTheWay(type) || annotated(type)) {
            return false;
        }
        if (type.isEnum()) {
            return true;
        }
        if (!type.isRecord()) {
            return false;
        }
        if (!seen.add(type)) {
            return true;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (annotated(component) || annotated(component.getAccessor()) || !plain(component.getGenericType(),
                    seen)) {
                return false;
            }
            try {
                if (annotated(type.getDeclaredField(component.getName()))) {
                    return false;
                }
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean publicAllTheWay(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean annotated(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getName().startsWith(JSONB_ANNOTATIONS));
    }
}
