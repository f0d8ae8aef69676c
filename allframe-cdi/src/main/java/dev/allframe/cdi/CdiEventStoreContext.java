package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import dev.allframe.eventstore.EventDecoder;
import dev.allframe.eventstore.EventStoreContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** An {@link EventStoreContext} over MicroProfile Config and the CDI container. */
final class CdiEventStoreContext implements EventStoreContext {

    private final ConfigValues config;
    private final BeanManager beanManager;
    private final Supplier<EventDecoder> events;

    /**
     * @param beanManager {@code null} while the application deploys: no beans can be looked up yet
     */
    CdiEventStoreContext(ConfigValues config, BeanManager beanManager, Supplier<EventDecoder> events) {
        this.config = config;
        this.beanManager = beanManager;
        this.events = events;
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
    public EventDecoder events() {
        return events.get();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
