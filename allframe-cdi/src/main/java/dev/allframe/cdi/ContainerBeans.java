package dev.allframe.cdi;

import dev.allframe.saga.SagaDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The container's beans as AllFrame's runtime uses them, whichever extension found them: the portable extension
 * ({@link PortableBeans}) on a CDI Full container, or another front end that keeps its own record of the beans.
 */
interface ContainerBeans {

    /**
     * A contextual reference to the bean of class {@code beanClass} that AllFrame found declaring handlers, a
     * projection, upcasters or a saga step.
     */
    Object reference(Class<?> beanClass);

    /** The one bean of {@code type} for the application, or empty when there is none or no single one. */
    <T> Optional<T> find(Class<T> type);

    /** The application's {@link SagaDefinition} beans, each with where it is produced, by that place's name. */
    List<ProducedDefinition> sagaDefinitions();

    /** A bean producing a saga's definition: {@code site} names it in messages. */
    record ProducedDefinition(String site, Supplier<SagaDefinition<?>> definition) {
    }
}
