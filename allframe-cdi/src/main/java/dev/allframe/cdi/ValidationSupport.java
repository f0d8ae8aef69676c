package dev.allframe.cdi;

import dev.allframe.core.Problems;
import dev.allframe.core.dispatch.MessageValidator;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.message.HandlerMessages;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Jakarta Validation is optional: without its API nothing is validated, and a message type that
 * declares constraints without a provider to check them is a deployment problem, not a silent skip.
 */
final class ValidationSupport {

    private static final String CONSTRAINT = "jakarta.validation.Constraint";
    private static final String VALID = "jakarta.validation.Valid";

    private ValidationSupport() {
    }

    static void checkProvider(HandlerCatalog catalog, Problems problems) {
        checkProvider(catalog, problems, ValidationSupport::providerAvailable);
    }

    /** Reports each message type declaring constraints when {@code providerAvailable} says there is none. */
    static void checkProvider(HandlerCatalog catalog, Problems problems, BooleanSupplier providerAvailable) {
        List<Class<?>> constrained = Stream.concat(catalog.commands().keySet().stream(), catalog.queries().keySet().stream())
                .filter(ValidationSupport::declaresConstraints)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
        if (!constrained.isEmpty() && !providerAvailable.getAsBoolean()) {
            constrained.forEach(type -> problems.add(HandlerMessages.constraintsWithoutValidator(type)));
        }
    }

    static MessageValidator create(BeanManager beanManager) {
        return apiPresent() ? BeanValidation.create(beanManager) : MessageValidator.NONE;
    }

    static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean providerAvailable() {
        return apiPresent() && BeanValidation.providerAvailable();
    }

    private static boolean apiPresent() {
        try {
            Class.forName("jakarta.validation.Validation", false, ValidationSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static boolean declaresConstraints(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (annotated(c) || Stream.of(c.getDeclaredFields()).anyMatch(ValidationSupport::annotated)
                    || Stream.of(c.getDeclaredMethods()).anyMatch(ValidationSupport::annotated)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotated(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.getName().equals(VALID)
                    || Stream.of(type.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(CONSTRAINT))) {
                return true;
            }
        }
        return false;
    }
}
