package dev.allframe.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component, field or no-argument method of a command that names the stream the
 * command targets. The value is turned into the stream id with {@link String#valueOf(Object)}; a
 * {@code null} value is rejected when the command is dispatched.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface StreamId {
}
