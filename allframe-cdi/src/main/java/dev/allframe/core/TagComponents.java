package dev.allframe.core;

import dev.allframe.event.Tag;
import dev.allframe.event.Tags;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link Tag}ged components of a record: the tags an event carries, and the values a command gives the keys its
 * decision models ask for. Each class is looked at once.
 */
public final class TagComponents {

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return find(type);
        }
    };

    private TagComponents() {
    }

    /** The tagged components of {@code type}, in their order; none for a class that is no record. */
    public static List<Component> of(Class<?> type) {
        return COMPONENTS.get(type);
    }

    /** The tags {@code event} carries; none when its class has no tagged component. */
    public static Set<String> tagsOf(Object event) {
        List<Component> components = of(event.getClass());
        if (components.isEmpty()) {
            return Set.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (Component component : components) {
            for (Object value : component.values(event)) {
                tags.add(Tags.of(component.key(), value));
            }
        }
        return tags;
    }

    private static List<Component> find(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<Component> found = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Tag tag = component.getAnnotation(Tag.class);
            if (tag != null) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                found.add(new Component(tag.value().isEmpty() ? component.getName() : tag.value(),
                        component.getName(), accessor));
            }
        }
        return List.copyOf(found);
    }

    /**
     * One tagged component.
     *
     * @param key  the tag's key
     * @param name the component's name
     */
    public record Component(String key, String name, Method accessor) {

        /** The component's values in {@code record}: its elements for a collection or an array, none for null. */
        public List<Object> values(Object record) {
            Object value;
            try {
                value = accessor.invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + accessor, e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
            if (value == null) {
                return List.of();
            }
            if (value instanceof Collection<?> collection) {
                return collection.stream().filter(element -> element != null).map(Object.class::cast).toList();
            }
            if (value.getClass().isArray()) {
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < Array.getLength(value); i++) {
                    Object element = Array.get(value, i);
                    if (element != null) {
                        elements.add(element);
                    }
                }
                return elements;
            }
            return List.of(value);
        }
    }
}
