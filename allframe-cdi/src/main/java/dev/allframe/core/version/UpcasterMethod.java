package dev.allframe.core.version;

import java.lang.reflect.Method;

/**
 * An upcaster method as discovered on a bean.
 *
 * @param jsonType for a {@code @JsonUpcaster}: the type name it reads, else {@code null}
 * @param jsonFrom for a {@code @JsonUpcaster}: the version it reads
 */
public record UpcasterMethod(Class<?> beanClass, Method method, String jsonType, int jsonFrom) {

    public boolean json() {
        return jsonType != null;
    }
}
