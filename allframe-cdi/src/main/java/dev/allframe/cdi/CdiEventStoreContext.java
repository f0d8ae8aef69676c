package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.event.EventDecoder;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** An {@link EventStoreContext} over MicroProfile Config and the CDI container. */
final class CdiEventStoreContext implements EventStoreContext {

    private final ConfigValues config;
    private final ApplicationBeans beans;
    private final Supplier<EventDecoder> events;
    private final Clock clock;

    /**
     * @param beans {@code null} while the application deploys: no beans can be looked up yet
     */
    CdiEventStoreContext(ConfigValues config, ApplicationBeans beans, Supplier<EventDecoder> events) {
        this(config, beans, events, Clock.systemUTC());
    }

    CdiEventStoreContext(ConfigValues config, ApplicationBeans beans, Supplier<EventDecoder> events, Clock clock) {
        this.config = config;
        this.beans = beans;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<String> config(String key) {
        return config.value(key);
    }

    @Override
    public <T> Optional<T> bean(Class<T> type) {
        return beans == null ? Optional.empty() : beans.find(type);
    }

    @Override
    public EventDecoder events() {
        return events.get();
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
