package dev.allframe.core.projection;

import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ProjectionMode;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * A checked projection.
 *
 * @param replayOnStart whether its checkpoint lives in memory, so that it replays the log at every start
 * @param reset         its no-argument {@code reset} method, needed to rebuild it
 * @param onFailure     what it does with an event that still fails after the retries
 */
public record ProjectionModel(String name, ProjectionMode mode, boolean replayOnStart, Class<?> beanClass,
                              List<ProjectionHandler> handlers, Optional<Method> reset, FailurePolicy onFailure) {

    public ProjectionModel {
        handlers = List.copyOf(handlers);
    }

    /** The event types its handlers take. */
    public List<Class<?>> eventTypes() {
        return handlers.stream().<Class<?>>map(ProjectionHandler::eventType).toList();
    }
}
