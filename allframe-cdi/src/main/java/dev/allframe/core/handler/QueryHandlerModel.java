package dev.allframe.core.handler;

import dev.allframe.core.Sites;
import java.lang.reflect.Method;

/** A checked query handler. */
public record QueryHandlerModel(Class<?> beanClass, Method method, Class<?> queryType) {

    public String site() {
        return Sites.of(method);
    }
}
