package dev.allframe.projection;

import dev.allframe.EventEnvelope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Projection} bean as one of its handlers. It takes one event type (an interface or
 * superclass receives all its implementations) and optionally the {@link EventEnvelope} as a second parameter,
 * and returns nothing. Its name is free; a method named {@code on} without this annotation is a deployment
 * problem, so that a handler never goes missing unnoticed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {
}
