package dev.allframe.core.dispatch;

/** Supplies the object whose handler methods are called: in CDI, the bean's contextual reference. */
@FunctionalInterface
public interface HandlerTargets {

    Object targetFor(Class<?> beanClass);
}
