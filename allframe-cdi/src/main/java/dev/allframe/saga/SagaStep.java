package dev.allframe.saga;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One step of a saga: the class implements {@link Step}, and the saga runs its steps by ascending
 * {@link #order}. AllFrame bounds each {@code execute} by the step's {@link #timeout()}, running it on a
 * thread of its own and giving up on it when the time is up, even if it blocks and ignores interrupts. The
 * MicroProfile Fault Tolerance keys of the method configure each step, read by AllFrame itself with or without
 * a Fault Tolerance implementation: {@code com.example.Debit/execute/Timeout/value} (milliseconds) overrides
 * the timeout, {@code com.example.Debit/execute/Retry/maxRetries} and {@code .../Retry/delay} add retries.
 *
 * <p>A bean-defining stereotype: the class is discovered without a {@code beans.xml} and is
 * {@link ApplicationScoped}.
 */
@Documented
@Stereotype
@ApplicationScoped
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SagaStep {

    /** The saga's name; the steps naming it make up the saga. */
    String saga();

    /** Where the step runs in its saga: 1 or more, one step per order. */
    int order();

    /** The step's name in the saga's history and outputs; the class's simple name when empty. */
    String name() default "";

    /**
     * How long one execution may take, such as {@code 500ms}, {@code 10s} or {@code PT1M}; when empty,
     * {@code allframe.saga.step-timeout}. The Fault Tolerance key {@code <class>/execute/Timeout/value}
     * overrides both.
     */
    String timeout() default "";
}
