package dev.allframe.cdi;

import dev.allframe.AllFrameMessage;
import dev.allframe.core.MissingClass;
import dev.allframe.core.Problems;
import dev.allframe.core.dispatch.MessageValidator;
import dev.allframe.core.handler.ClassFileAnnotations;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.message.HandlerMessages;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Jakarta Validation is optional: without its API nothing is validated. A message type that declares constraints
 * nothing can check is a deployment problem, not a silent skip: when there is no provider, and when the API is
 * missing, so that Java dropped the constraints (its class file still names them). A provider that cannot start
 * (Hibernate Validator without a Jakarta EL implementation) is a deployment problem too, not a failure of the first
 * command.
 */
final class ValidationSupport {

    private static final String CONSTRAINT = "jakarta.validation.Constraint";
    private static final String VALID = "jakarta.validation.Valid";
    private static final String VALIDATION_PACKAGE = "jakarta.validation.";

    /** What the class path offers for validating messages. */
    enum Availability {
        /** The Jakarta Validation API cannot be loaded. */
        NO_API,
        /** The API, but no provider. */
        NO_PROVIDER,
        /** The API and a provider. */
        PROVIDER
    }

    private ValidationSupport() {
    }

    static void check(HandlerCatalog catalog, Problems problems) {
        // a lambda, not a method reference: BeanValidation is not to be linked unless the API is there
        check(catalog, problems, availability(), () -> BeanValidation.startProblem());
    }

    /**
     * Reports each message type declaring constraints that nothing checks, and, when there is a provider, what
     * keeps it from starting.
     */
    static void check(HandlerCatalog catalog, Problems problems, Availability availability,
                      Supplier<Optional<AllFrameMessage>> startProblem) {
        List<Class<?>> messages = Stream.concat(catalog.commands().keySet().stream(),
                catalog.queries().keySet().stream()).sorted(Comparator.comparing(Class::getName)).toList();
        for (Class<?> type : messages) {
            if (availability != Availability.PROVIDER && declaresConstraints(type)) {
                problems.add(HandlerMessages.constraintsWithoutValidator(type));
            } else if (availability == Availability.NO_API) {
                Set<String> dropped = ClassFileAnnotations.named(type, VALIDATION_PACKAGE);
                if (!dropped.isEmpty()) {
                    problems.add(HandlerMessages.constraintsDropped(type, dropped));
                }
            }
        }
        if (availability == Availability.PROVIDER) {
            startProblem.get().ifPresent(problems::add);
        }
    }

    static MessageValidator create(ContainerBeans beans) {
        return apiPresent() ? BeanValidation.create(beans) : MessageValidator.NONE;
    }

    static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Availability availability() {
        if (!apiPresent()) {
            return Availability.NO_API;
        }
        return BeanValidation.providerAvailable() ? Availability.PROVIDER : Availability.NO_PROVIDER;
    }

    private static boolean apiPresent() {
        try {
            Class.forName("jakarta.validation.Validation", false, ValidationSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The problem of a provider that failed to start with {@code failure}: the Jakarta EL implementation it lacks
     * when {@code expressionLanguageMissing} says why none can be made, else the failure.
     */
    static AllFrameMessage startFailure(Throwable failure, Optional<String> expressionLanguageMissing) {
        return expressionLanguageMissing.map(HandlerMessages::noExpressionLanguage)
                .orElseGet(() -> HandlerMessages.validationCannotStart(MissingClass.describe(failure)));
    }

    /** Why no Jakarta EL expression factory can be made, as a provider makes its own; empty when one can. */
    static Optional<String> expressionLanguageMissing() {
        try {
            Class.forName("jakarta.el.ExpressionFactory", true, ValidationSupport.class.getClassLoader())
                    .getMethod("newInstance").invoke(null);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(cannotBeLoaded(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.of(cannotBeLoaded(e));
        }
    }

    private static String cannotBeLoaded(Throwable failure) {
        return MissingClass.in(failure).map(MissingClass::cannotBeLoaded)
                .orElseGet(() -> AllFrameMessage.describe(failure));
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
