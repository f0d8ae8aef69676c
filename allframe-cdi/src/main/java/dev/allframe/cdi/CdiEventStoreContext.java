package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.StoreMetrics;
import dev.allframe.spi.event.EventDecoder;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** An {@link EventStoreContext} over MicroProfile Config and the CDI container. */
final class CdiEventStoreContext implements EventStoreContext {

    private final ConfigValues config;
    private final ContainerBeans beans;
    private final Supplier<EventDecoder> events;
    private final Clock clock;
    private final Supplier<Telemetry> telemetry;

    /**
     * @param beans {@code null} while the application deploys: no beans can be looked up yet
     */
    CdiEventStoreContext(ConfigValues config, ContainerBeans beans, Supplier<EventDecoder> events) {
        this(config, beans, events, Clock.systemUTC(), () -> Telemetry.NONE);
    }

    /** @param telemetry where the store's metrics go, asked for once the store reports */
    CdiEventStoreContext(ConfigValues config, ContainerBeans beans, Supplier<EventDecoder> events, Clock clock,
                         Supplier<Telemetry> telemetry) {
        this.telemetry = telemetry;
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
    public StoreMetrics metrics() {
        return (appends, events) -> telemetry.get().appendsCommittedTogether(appends, events);
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
