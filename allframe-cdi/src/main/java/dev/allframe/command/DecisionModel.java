package dev.allframe.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A state a command is decided over that is folded from the events a query finds rather than from one stream (a
 * dynamic consistency boundary). Like an aggregate state it has an {@link InitialState} and {@link Apply} methods; it
 * is folded from the stored events of the types its {@code @Apply} methods take that carry, for each of
 * {@link #tags()}, the tag {@code key:value} with the value of the command's component tagged with that key
 * ({@link dev.allframe.event.Tag}). A handler takes the command and one or more decision models; its events are
 * appended only if none of the events its models were folded from changed meanwhile, and it is called again on fresh
 * models otherwise.
 *
 * <pre>{@code
 * @DecisionModel(tags = "course")
 * record CourseSeats(int capacity, int taken) { ... }
 *
 * @CommandHandler
 * List<Object> handle(Subscribe command, CourseSeats course, StudentLoad student) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DecisionModel {

    /** The keys of the tags the model's events carry, their values read from the command; none: every such event. */
    String[] tags() default {};
}
