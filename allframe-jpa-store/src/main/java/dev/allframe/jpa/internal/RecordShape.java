package dev.allframe.jpa.internal;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How one record class is written and read as JSON: its components in name order, each read through its accessor,
 * and its canonical constructor. Both are made accessible, so the record's own visibility does not matter.
 * A component is written under its name, or the name its {@link JsonbProperty} gives; a {@link JsonbTransient} one
 * is left out. Other JSON-B annotations would change the JSON in ways this mapping does not follow, so a record
 * carrying one is refused rather than written differently from what it asks for.
 */
final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<?> type;
    private final List<Component> written;
    private final Map<String, Component> byProperty = new HashMap<>();
    private final MethodHandle constructor;
    private final Component[] components;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] declared = type.getRecordComponents();
        components = new Component[declared.length];
        Class<?>[] parameterTypes = new Class<?>[declared.length];
        try {
            for (int i = 0; i < declared.length; i++) {
                components[i] = component(declared[i], i);
                parameterTypes[i] = declared[i].getType();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            refuseUnsupportedAnnotations(type, canonical);
            canonical.setAccessible(true);
            constructor = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, declared.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new JsonbException("Record " + type.getName() + " cannot be mapped to JSON: " + e.getMessage(), e);
        }
        List<Component> kept = new ArrayList<>();
        for (Component component : components) {
            if (!component.transientComponent()) {
                kept.add(component);
                byProperty.put(component.property(), component);
            }
        }
        kept.sort(Comparator.comparing(Component::property));
        written = List.copyOf(kept);
    }

    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The components written, in the order they are written. */
    List<Component> written() {
        return written;
    }

    /** The component stored under {@code property}, if any. */
    Component component(String property) {
        return byProperty.get(property);
    }

    /** Arguments for the canonical constructor, each the value of a component that was not in the JSON. */
    Object[] absentValues() {
        Object[] values = new Object[components.length];
        for (Component component : components) {
            values[component.index()] = component.absent();
        }
        return values;
    }

    Object construct(Object[] arguments) {
        try {
            return (Object) constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new JsonbException("The canonical constructor of " + type.getName() + " failed: " + e, e);
        }
    }

    /** The type a component is read as, with the record's type arguments put in where {@code recordType} has them. */
    Type readType(Component component, Type recordType) {
        if (component.type() instanceof TypeVariable<?> variable && recordType instanceof ParameterizedType given) {
            TypeVariable<?>[] parameters = type.getTypeParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].getName().equals(variable.getName())) {
                    return given.getActualTypeArguments()[i];
                }
            }
        }
        return component.type() instanceof TypeVariable<?> ? component.rawType() : component.type();
    }

    private Component component(RecordComponent declared, int index) throws ReflectiveOperationException {
        Field field = declared.getDeclaringRecord().getDeclaredField(declared.getName());
        JsonbProperty property = annotation(JsonbProperty.class, declared.getAccessor(), field);
        boolean skipped = annotation(JsonbTransient.class, declared.getAccessor(), field) != null;
        refuseUnsupportedAnnotations(declared.getDeclaringRecord(), declared.getAccessor(), field);
        declared.getAccessor().setAccessible(true);
        MethodHandle accessor = MethodHandles.lookup().unreflect(declared.getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
        String name = property == null || property.value().isEmpty() ? declared.getName() : property.value();
        return new Component(index, name, declared.getGenericType(), declared.getType(), accessor, skipped);
    }

    private static <A extends Annotation> A annotation(Class<A> type, AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            A found = element.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void refuseUnsupportedAnnotations(Class<?> record, AnnotatedElement... elements) {
        List<AnnotatedElement> checked = new ArrayList<>(List.of(elements));
        if (elements.length > 0 && elements[0] instanceof Constructor<?> canonical) {
            checked.addAll(List.of(canonical.getParameters()));
            checked.add(record);
        }
        for (AnnotatedElement element : checked) {
            for (Annotation annotation : element.getAnnotations()) {
                Class<? extends Annotation> kind = annotation.annotationType();
                if (kind.getPackageName().equals(JsonbProperty.class.getPackageName()) && kind != JsonbProperty.class
                        && kind != JsonbTransient.class) {
                    throw new JsonbException("record " + record.getName() + " carries @" + kind.getSimpleName()
                            + ", which AllFrame's JSON mapping of records does not apply (it applies @JsonbProperty"
                            + " and @JsonbTransient); use a class for such an event");
                }
            }
        }
    }

    private static Object absent(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        } else if (type == OptionalInt.class) {
            return OptionalInt.empty();
        } else if (type == OptionalLong.class) {
            return OptionalLong.empty();
        } else if (type == OptionalDouble.class) {
            return OptionalDouble.empty();
        } else if (!type.isPrimitive()) {
            return null;
        } else if (type == boolean.class) {
            return false;
        } else if (type == char.class) {
            return '\0';
        } else if (type == long.class) {
            return 0L;
        } else if (type == float.class) {
            return 0f;
        } else if (type == double.class) {
            return 0d;
        } else if (type == byte.class) {
            return (byte) 0;
        } else if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }

    /** One record component: its place in the canonical constructor, its JSON property and how to read it. */
    record Component(int index, String property, Type type, Class<?> rawType, MethodHandle accessor,
                     boolean transientComponent) {

        /** The value of this component when the JSON has none: {@code null}, zero, {@code false} or empty. */
        Object absent() {
            return RecordShape.absent(rawType);
        }

        Object valueOf(Object record) {
            try {
                return (Object) accessor.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new JsonbException("Accessor " + property + "() failed: " + e, e);
            }
        }
    }
}
