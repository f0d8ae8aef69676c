package dev.allframe.core.version;

import dev.allframe.event.VersionRegistry.UpcasterKind;
import java.lang.reflect.Executable;

/**
 * One checked upcaster: from a stored type and version to a later version.
 *
 * @param member    the method or constructor that upcasts
 * @param beanClass the bean whose method it is; {@code null} for an automatic upcaster
 * @param fromClass the class the step reads; {@code null} for a JSON upcaster
 */
public record UpcastStep(EventKey from, EventKey to, UpcasterKind kind, String site, Executable member,
                         Class<?> beanClass, Class<?> fromClass) {
}
