package dev.allframe.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a record component a tag: on an event, the event carries the tag {@code key:value} (the component's value,
 * each element's for a collection or an array; none for {@code null}), by which {@link EventQuery queries} find it;
 * on a command, the value a {@link dev.allframe.command.DecisionModel decision model} asking for the key is read for.
 *
 * <pre>{@code
 * record StudentSubscribed(@Tag("course") String courseId, @Tag("student") String studentId) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Tag {

    /** The tag's key; the component's name when empty. */
    String value() default "";
}
