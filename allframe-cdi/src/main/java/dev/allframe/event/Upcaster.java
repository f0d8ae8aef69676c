package dev.allframe.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean that turns one version of an event into a later one:
 * {@code AccountOpened upcast(AccountOpenedV1 old)}. Both classes carry the same {@link EventType} name;
 * the returned class's version must be later than the parameter's. Upcasters run on every read, so
 * stored events are never rewritten and handlers and projections only see the newest version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Upcaster {
}
