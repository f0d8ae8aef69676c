package dev.allframe.projection;

import dev.allframe.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read model fed with events. Its {@link EventHandler} methods are its handlers: each takes one event type (an
 * interface or superclass receives all its implementations) and optionally the {@link EventEnvelope} as a second
 * parameter. A no-argument method named {@code reset} clears the read model; it is required for
 * {@link ProjectionRegistry#rebuild}.
 *
 * <p>A bean-defining stereotype: the class is discovered without a {@code beans.xml} and is
 * {@link ApplicationScoped}.
 */
@Documented
@Stereotype
@ApplicationScoped
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Projection {

    /** The projection's name, unique in the application. */
    String value();

    /** When the projection sees events: in the command's transaction, or after it from the global log. */
    ProjectionMode mode() default ProjectionMode.ASYNC;

    /**
     * Where the read model lives: in memory (the default, rebuilt from the log at every start) or stored outside
     * the application (going on from where it was). See {@link ReadModel}.
     */
    ReadModel readModel() default ReadModel.MEMORY;

    /**
     * What the projection does with an event its handler still fails on after its retries: stop FAILED there (the
     * default), or park it in the store's dead letters and go on. Async projections only.
     */
    FailurePolicy onFailure() default FailurePolicy.STOP;

    /**
     * Into how many segments the projection's work is split, 1 to 64: each stream belongs to one segment (by a
     * fixed hash of its id), and each segment is applied, checkpointed and taken by a node on its own, so that
     * several nodes share one projection. Events of one stream are applied in their order; events of different
     * streams in different segments may be applied in any order. Only for async projections whose read model is
     * {@link ReadModel#STORED}; changing the number on a projection that ran asks for a rebuild.
     */
    int segments() default 1;
}
