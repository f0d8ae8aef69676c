package dev.allframe.core.handler;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;

/**
 * A handler method as discovered on a bean: the bean's class, the method, and the annotation's data.
 *
 * @param createsStream the {@code createsStream} attribute of {@code @CommandHandler}
 */
public record HandlerMethod(Class<?> beanClass, Method method, HandlerKind kind, boolean createsStream) {

    public HandlerMethod {
        requireNonNull(beanClass, "beanClass");
        requireNonNull(method, "method");
        requireNonNull(kind, "kind");
    }
}
