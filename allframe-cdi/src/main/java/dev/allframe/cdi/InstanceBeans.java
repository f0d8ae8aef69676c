package dev.allframe.cdi;

import dev.allframe.saga.SagaDefinition;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The container's beans looked up through an {@link Instance}, for the build-compatible extension, which keeps no
 * beans of its own: a found bean by its class (whatever its qualifiers), the application's bean of a type, and the
 * beans producing saga definitions.
 */
final class InstanceBeans implements ContainerBeans {

    private static final TypeLiteral<SagaDefinition<?>> DEFINITION = new TypeLiteral<>() {
    };

    private final Instance<Object> lookup;

    InstanceBeans(Instance<Object> lookup) {
        this.lookup = lookup;
    }

    @Override
    public Object reference(Class<?> beanClass) {
        Instance<?> candidates = lookup.select(beanClass, Any.Literal.INSTANCE);
        for (Instance.Handle<?> handle : candidates.handles()) {
            if (handle.getBean().getBeanClass() == beanClass) {
                return handle.get();
            }
        }
        return candidates.get();
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        Instance<T> candidates = lookup.select(type);
        return candidates.isResolvable() ? Optional.of(candidates.get()) : Optional.empty();
    }

    @Override
    public List<ProducedDefinition> sagaDefinitions() {
        return lookup.select(DEFINITION, Any.Literal.INSTANCE).handlesStream()
                .sorted(Comparator.comparing(handle -> handle.getBean().getBeanClass().getName()))
                .map(handle -> new ProducedDefinition("SagaDefinition produced by "
                        + handle.getBean().getBeanClass().getName(), () -> (SagaDefinition<?>) handle.get()))
                .toList();
    }
}
