package dev.allframe.benchmarks.support;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.command.CommandHandler;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.dispatch.BeanValidationMessageValidator;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.core.dispatch.MessageValidator;
import dev.allframe.core.handler.EventClassCollector;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import dev.allframe.core.handler.StateFingerprints;
import dev.allframe.core.version.VersionGraph;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.EventStore;
import jakarta.validation.Validation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * AllFrame's command bus as the CDI extension builds it, without a container: the handlers found by
 * their annotations, commands checked by Jakarta Validation (Hibernate Validator).
 */
public final class AllFrameBuses {

    private static final MessageValidator VALIDATOR =
            new BeanValidationMessageValidator(Validation.buildDefaultValidatorFactory().getValidator());

    private AllFrameBuses() {
    }

    /** A command bus whose event classes are those {@code handler} declares, as the extension finds them. */
    public static CommandDispatcher commandBus(EventStore store, Object handler) {
        return commandBus(store, EventTypeRegistry.of(EventClassCollector.collect(catalog(handler))), handler);
    }

    public static CommandDispatcher commandBus(EventStore store, EventTypeRegistry eventTypes, Object handler) {
        return commandBus(store, eventTypes, handler, Telemetry.NONE);
    }

    /** A command bus whose dispatches are traced with {@code telemetry}. */
    public static CommandDispatcher commandBus(EventStore store, Object handler, Telemetry telemetry) {
        return commandBus(store, EventTypeRegistry.of(EventClassCollector.collect(catalog(handler))), handler,
                telemetry);
    }

    private static CommandDispatcher commandBus(EventStore store, EventTypeRegistry eventTypes, Object handler,
                                                Telemetry telemetry) {
        HandlerCatalog catalog = catalog(handler);
        return new CommandDispatcher(catalog, beanClass -> handler, StoreCapabilities.of(store), VALIDATOR,
                new AllFrameConfig(AllFrameConfig.MEMORY_STORE, 3, 0), Runnable::run, eventTypes,
                StateFingerprints.of(catalog, eventTypes.classes(), VersionGraph.empty()), telemetry);
    }

    private static HandlerCatalog catalog(Object handler) {
        List<HandlerMethod> methods = new ArrayList<>();
        for (Method method : handler.getClass().getDeclaredMethods()) {
            CommandHandler annotation = method.getAnnotation(CommandHandler.class);
            if (annotation != null) {
                methods.add(new HandlerMethod(handler.getClass(), method, HandlerKind.COMMAND,
                        annotation.createsStream()));
            }
        }
        Problems problems = new Problems();
        HandlerCatalog catalog = HandlerCatalog.build(methods, problems);
        if (!problems.messages().isEmpty()) {
            throw new AllFrameDeploymentException(problems.messages());
        }
        return catalog;
    }
}
