package dev.allframe.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean that rewrites the stored JSON of one version of an event into the JSON of
 * the next version, for versions whose classes no longer exist:
 * {@code JsonObject upcast(JsonObject stored)} (Jakarta JSON Processing).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonUpcaster {

    /** The stored type name. */
    String type();

    /** The version the method reads; it writes version {@code from + 1}. */
    int from();
}
