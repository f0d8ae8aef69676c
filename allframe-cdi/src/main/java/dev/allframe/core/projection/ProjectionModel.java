package dev.allframe.core.projection;

import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ReadModel;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * A checked projection.
 *
 * @param readModel where its read model lives: in memory, rebuilt at every start, or stored
 * @param reset     its no-argument {@code reset} method, needed to rebuild it
 * @param onFailure what it does with an event that still fails after the retries
 * @param segments  into how many segments its work is split (1: not split)
 */
public record ProjectionModel(String name, ProjectionMode mode, ReadModel readModel, Class<?> beanClass,
                              List<ProjectionHandler> handlers, Optional<Method> reset, FailurePolicy onFailure,
                              int segments) {

    public ProjectionModel {
        handlers = List.copyOf(handlers);
    }

    /** A model of a projection not split into segments. */
    public ProjectionModel(String name, ProjectionMode mode, ReadModel readModel, Class<?> beanClass,
                           List<ProjectionHandler> handlers, Optional<Method> reset, FailurePolicy onFailure) {
        this(name, mode, readModel, beanClass, handlers, reset, onFailure, 1);
    }

    /** Whether its read model is in memory, so that it is rebuilt from the log at every start. */
    public boolean rebuiltAtStart() {
        return readModel == ReadModel.MEMORY;
    }

    /** The event types its handlers take. */
    public List<Class<?>> eventTypes() {
        return handlers.stream().<Class<?>>map(ProjectionHandler::eventType).toList();
    }
}
