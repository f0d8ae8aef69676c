package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import dev.allframe.eventstore.EventClassResolver;
import dev.allframe.eventstore.EventStoreContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Clock;
import java.util.Optional;

/** An {@link EventStoreContext} over MicroProfile Config and the CDI container. */
final class CdiEventStoreContext implements EventStoreContext {

    private final ConfigValues config;
    private final BeanManager beanManager;
    private final EventClassResolver eventClasses;

    /**
     * @param beanManager {@code null} while the application deploys: no beans can be looked up yet
     */
    CdiEventStoreContext(ConfigValues config, BeanManager beanManager, EventClassResolver eventClasses) {
        this.config = config;
        this.beanManager = beanManager;
        this.eventClasses = eventClasses;
    }

    @Override
    public Optional<String> config(String key) {
        return config.value(key);
    }

    @Override
    public <T> Optional<T> bean(Class<T> type) {
        if (beanManager == null) {
            return Optional.empty();
        }
        Instance<T> instance = beanManager.createInstance().select(type);
        return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
    }

    @Override
    public EventClassResolver eventClasses() {
        return eventClasses;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
