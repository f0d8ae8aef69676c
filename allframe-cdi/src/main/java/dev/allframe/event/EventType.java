package dev.allframe.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event class in the store and gives its schema version. Without it, an event's type name is
 * its class's simple name (nested classes: {@code Outer.Inner}) and its schema version is 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stored type name; empty means the default name. */
    String name() default "";

    /** The schema version, 1 or more. */
    int version() default 1;
}
