package dev.allframe.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application's beans of a type, for AllFrame's own beans to use (an event store its
 * {@code EntityManagerFactory}, the buses an application's {@code EventStore}). Looked up through AllFrame's
 * bean manager first; where AllFrame runs as a server feature, that bean manager belongs to the feature's
 * archive and sees none of the application's beans, so the beans the extension saw being deployed are
 * resolved next, and referenced through the bean itself, which works across archives.
 */
final class ApplicationBeans {

    private final BeanManager beanManager;
    private final List<Bean<?>> deployed;

    ApplicationBeans(BeanManager beanManager, List<Bean<?>> deployed) {
        this.beanManager = beanManager;
        this.deployed = List.copyOf(deployed);
    }

    /** The one bean of {@code type}, or empty when there is none or no single one. */
    <T> Optional<T> find(Class<T> type) {
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
                : Optional.of(type.cast(beanManager.getReference(bean, type, beanManager.createCreationalContext(bean))));
    }
}
