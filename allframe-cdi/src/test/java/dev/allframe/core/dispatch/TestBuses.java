package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.CommandHandler;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.handler.EventClassCollector;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import dev.allframe.core.handler.StateFingerprints;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.query.QueryHandler;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.EventStore;
import jakarta.validation.Validation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** Buses over plain handler objects, without a CDI container. */
final class TestBuses {

    static final MessageValidator VALIDATOR =
            new BeanValidationMessageValidator(Validation.buildDefaultValidatorFactory().getValidator());

    private TestBuses() {
    }

    static CommandDispatcher commandBus(EventStore store, int maxRetries, Object... handlers) {
        return commandBus(store, maxRetries, Runnable::run, handlers);
    }

    static CommandDispatcher commandBus(EventStore store, int maxRetries, Executor executor, Object... handlers) {
        HandlerCatalog catalog = catalog(handlers);
        return new CommandDispatcher(catalog, targets(handlers), StoreCapabilities.of(store), VALIDATOR,
                new AllFrameConfig("memory", maxRetries, 0), executor, eventTypes(catalog), fingerprints(catalog));
    }

    /** A bus whose commands take no turns within the server: every conflict goes to the store. */
    static CommandDispatcher commandBusWithoutTurns(EventStore store, int maxRetries, Object... handlers) {
        HandlerCatalog catalog = catalog(handlers);
        AllFrameConfig defaults = new AllFrameConfig("memory", maxRetries, 0);
        AllFrameConfig config = new AllFrameConfig("memory", maxRetries, 0, defaults.projections(),
                defaults.stateCacheStreams(), Duration.ZERO);
        return new CommandDispatcher(catalog, targets(handlers), StoreCapabilities.of(store), VALIDATOR, config,
                Runnable::run, eventTypes(catalog), fingerprints(catalog));
    }

    static CommandDispatcher commandBus(EventStore store, MessageValidator validator, Executor executor,
                                        Object... handlers) {
        HandlerCatalog catalog = catalog(handlers);
        return new CommandDispatcher(catalog, targets(handlers), StoreCapabilities.of(store), validator,
                new AllFrameConfig("memory", 3, 0), executor, eventTypes(catalog), fingerprints(catalog));
    }

    /** The event classes of {@code catalog}, as the extension finds them at deployment. */
    static EventTypeRegistry eventTypes(HandlerCatalog catalog) {
        return EventTypeRegistry.of(EventClassCollector.collect(catalog));
    }

    /** The fingerprints of the catalog's states, for an application without upcasters. */
    static StateFingerprints fingerprints(HandlerCatalog catalog) {
        return StateFingerprints.of(catalog, List.of(), VersionGraph.empty());
    }

    static QueryDispatcher queryBus(Object... handlers) {
        return new QueryDispatcher(catalog(handlers), targets(handlers), VALIDATOR);
    }

    static HandlerCatalog catalog(Object... handlers) {
        List<HandlerMethod> methods = new ArrayList<>();
        for (Object handler : handlers) {
            for (Method method : handler.getClass().getDeclaredMethods()) {
                CommandHandler command = method.getAnnotation(CommandHandler.class);
                if (command != null) {
                    methods.add(new HandlerMethod(handler.getClass(), method, HandlerKind.COMMAND, command.createsStream()));
                }
                if (method.isAnnotationPresent(QueryHandler.class)) {
                    methods.add(new HandlerMethod(handler.getClass(), method, HandlerKind.QUERY, false));
                }
            }
        }
        Problems problems = new Problems();
        HandlerCatalog catalog = HandlerCatalog.build(methods, problems);
        assertThat(problems.messages()).isEmpty();
        return catalog;
    }

    private static HandlerTargets targets(Object... handlers) {
        Map<Class<?>, Object> byClass = new HashMap<>();
        for (Object handler : handlers) {
            byClass.put(handler.getClass(), handler);
        }
        return byClass::get;
    }
}
