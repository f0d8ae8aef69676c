package dev.allframe.jpa.internal;

import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * JSON-B's default visibility, except that a record has no properties of its own: {@link RecordWriter} and
 * {@link RecordReader} write and read records, and JSON-B, which still looks at a class's properties before it hands
 * the class to them, would fail on the accessors of a record that is not public. For other classes, public fields and
 * public methods are visible, and a public field is not when its getter is not public, as by default.
 */
public final class RecordVisibility implements PropertyVisibilityStrategy {

    @Override
    public boolean isVisible(Field field) {
        Class<?> owner = field.getDeclaringClass();
        if (owner.isRecord() || !Modifier.isPublic(field.getModifiers())) {
            return false;
        }
        Method getter = getter(owner, field.getName());
        return getter == null || Modifier.isPublic(getter.getModifiers());
    }

    @Override
    public boolean isVisible(Method method) {
        return !method.getDeclaringClass().isRecord() && Modifier.isPublic(method.getModifiers());
    }

    private static Method getter(Class<?> owner, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : new String[] {"get" + suffix, "is" + suffix}) {
            try {
                return owner.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                // not this name
            }
        }
        return null;
    }
}
