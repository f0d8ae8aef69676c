package dev.allframe.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an instance method of an aggregate state type that applies one event type to the state.
 * The method takes the event as its only parameter and either returns the next state (immutable
 * states, such as records) or returns {@code void} and changes the state in place. An event is applied
 * by the method whose parameter type is its closest supertype; events no method accepts leave the
 * state unchanged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Apply {
}
