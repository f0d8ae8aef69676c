package dev.allframe.cdi;

import dev.allframe.saga.SagaDefinition;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The beans the portable extension saw being deployed. The application's beans of a type (an event store its
 * {@code EntityManagerFactory}, the buses an application's {@code EventStore}) are looked up through AllFrame's bean
 * manager first; where AllFrame runs as a server feature, that bean manager belongs to the feature's archive and sees
 * none of the application's beans, so the beans the extension saw being deployed are resolved next, and referenced
 * through the bean itself, which works across archives.
 */
final class PortableBeans implements ContainerBeans {

    private final BeanManager beanManager;
    private final Map<Class<?>, Bean<?>> found;
    private final List<Bean<?>> deployed;
    private final List<DefinitionBean> definitions;

    /** A bean producing a {@link SagaDefinition}, and the bean type to look it up with. */
    record DefinitionBean(Bean<?> bean, Type type) {
    }

    /** The bean type to look {@code bean} up with when it produces a {@link SagaDefinition}. */
    static Optional<Type> definitionType(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
            if (raw == SagaDefinition.class) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * @param found       the beans declaring handlers, projections, upcasters or saga steps, by bean class
     * @param deployed    every bean the extension saw being deployed
     * @param definitions the beans producing saga definitions
     */
    PortableBeans(BeanManager beanManager, Map<Class<?>, Bean<?>> found, List<Bean<?>> deployed,
                  List<DefinitionBean> definitions) {
        this.beanManager = beanManager;
        this.found = Map.copyOf(found);
        this.deployed = List.copyOf(deployed);
        this.definitions = List.copyOf(definitions);
    }

    @Override
    public Object reference(Class<?> beanClass) {
        return reference(found.get(beanClass), beanClass);
    }

    @Override
    public List<ProducedDefinition> sagaDefinitions() {
        return definitions.stream()
                .sorted(Comparator.comparing(produced -> produced.bean().getBeanClass().getName()))
                .map(produced -> new ProducedDefinition("SagaDefinition produced by "
                        + produced.bean().getBeanClass().getName(),
                        () -> (SagaDefinition<?>) reference(produced.bean(), produced.type()))).toList();
    }

    private Object reference(Bean<?> bean, Type type) {
        return beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        Instance<T> visible = beanManager.createInstance().select(type);
        if (visible.isResolvable()) {
            return Optional.of(visible.get());
        }
        Set<Bean<?>> candidates = deployed.stream().filter(bean -> bean.getTypes().contains(type))
                .collect(Collectors.toSet());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(candidates);
        } catch (RuntimeException ambiguous) {
            return Optional.empty();
        }
        return bean == null ? Optional.empty()
                : Optional.of(type.cast(reference(bean, type)));
    }
}
