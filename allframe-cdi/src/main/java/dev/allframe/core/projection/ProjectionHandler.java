package dev.allframe.core.projection;

import java.lang.reflect.Method;

/**
 * One {@code on} method of a projection.
 *
 * @param withEnvelope whether it takes the event envelope as its second parameter
 */
public record ProjectionHandler(Class<?> eventType, Method method, boolean withEnvelope) {
}
