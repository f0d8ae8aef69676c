package dev.allframe.core.dispatch;

import static java.util.Objects.requireNonNull;

import dev.allframe.AllFrameException;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandOptions;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.IdempotencyKeyReusedException;
import dev.allframe.command.NoHandlerException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes;
import dev.allframe.core.TagComponents;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.StateFingerprints;
import dev.allframe.core.handler.StateModel;
import dev.allframe.core.message.CommandMessages;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.telemetry.Telemetry.CommandTrace;
import dev.allframe.event.QueryItem;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.StoreLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The command bus: validate, check the ids against what every store keeps, fold the state (of a stream, or the
 * decision models a query finds), handle, append, and retry stateful and query-decided handlers on conflicts.
 * Everything about a handler is resolved when the dispatcher is built; a dispatch is a map lookup and a
 * method-handle call.
 */
public final class CommandDispatcher implements CommandBus {

    private final Map<Class<?>, BoundCommandHandler> handlers;
    private final EventStore store;
    private final MessageValidator validator;
    private final StateLoader states;
    private final StreamTurns turns;
    private final EventTypeRegistry eventTypes;
    private final int maxRetries;
    private final Executor executor;
    private final Telemetry telemetry;
    private final BoundaryLoader boundaries;

    /**
     * @param fingerprints the fingerprints of the catalog's state types, which the snapshots of this deployment carry
     */
    public CommandDispatcher(HandlerCatalog catalog, HandlerTargets targets, StoreCapabilities store,
                             MessageValidator validator, AllFrameConfig config, Executor executor,
                             EventTypeRegistry eventTypes, StateFingerprints fingerprints) {
        this(catalog, targets, store, validator, config, executor, eventTypes, fingerprints, Telemetry.NONE);
    }

    /** @param telemetry where each dispatch and append is traced */
    public CommandDispatcher(HandlerCatalog catalog, HandlerTargets targets, StoreCapabilities store,
                             MessageValidator validator, AllFrameConfig config, Executor executor,
                             EventTypeRegistry eventTypes, StateFingerprints fingerprints, Telemetry telemetry) {
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.eventTypes = requireNonNull(eventTypes, "eventTypes");
        this.store = requireNonNull(store, "store").events();
        this.validator = requireNonNull(validator, "validator");
        this.executor = requireNonNull(executor, "executor");
        this.states = new StateLoader(this.store, store.snapshots(), config.snapshotEvery(),
                requireNonNull(fingerprints, "fingerprints"), config.stateCacheStreams());
        this.turns = new StreamTurns(config.streamTurnWait());
        this.maxRetries = config.commandMaxRetries();
        Map<Class<?>, BoundCommandHandler> bound = new HashMap<>();
        catalog.commands().forEach((type, model) ->
                bound.put(type, new BoundCommandHandler(model, targets.targetFor(model.beanClass()))));
        this.handlers = bound;
        this.boundaries = new BoundaryLoader(this.store, eventTypes);
        List<String> decided = bound.values().stream().filter(handler -> !handler.boundary().isEmpty())
                .map(BoundCommandHandler::site).sorted().toList();
        if (!decided.isEmpty() && !this.store.checksQueryConditions()) {
            throw new AllFrameException(CommandMessages.queryConditionsUnchecked(decided,
                    this.store.getClass().getName()));
        }
    }

    @Override
    public CommandResult dispatch(Object command, CommandOptions options) {
        CommandTrace trace = telemetry.command(command);
        try (Telemetry.Scope scope = trace.activate()) {
            BoundCommandHandler handler = handlerFor(command);
            validator.validate(command);
            return execute(handler, command, requireNonNull(options, "options"), trace);
        } catch (RuntimeException | Error e) {
            traceFailure(trace, e);
            throw e;
        } finally {
            trace.end();
        }
    }

    /**
     * Finds the handler and validates on the caller's thread, the rest on the executor: a server's
     * validator may work only on threads the server manages (Open Liberty's does), which the executor's
     * need not be.
     */
    @Override
    public CompletionStage<CommandResult> dispatchAsync(Object command, CommandOptions options) {
        CommandTrace trace = telemetry.command(command);
        BoundCommandHandler handler;
        try (Telemetry.Scope scope = trace.activate()) {
            handler = handlerFor(command);
            validator.validate(command);
            requireNonNull(options, "options");
        } catch (RuntimeException e) {
            traceFailure(trace, e);
            trace.end();
            return CompletableFuture.failedFuture(new CompletionException(e));
        }
        return CompletableFuture.supplyAsync(() -> {
            try (Telemetry.Scope scope = trace.activate()) {
                return execute(handler, command, options, trace);
            } catch (RuntimeException | Error e) {
                traceFailure(trace, e);
                throw e;
            } finally {
                trace.end();
            }
        }, executor);
    }

    private static void traceFailure(CommandTrace trace, Throwable failure) {
        trace.outcome(failure instanceof CommandRejectedException ? "rejected"
                : failure instanceof CommandValidationException ? "invalid"
                : failure instanceof ConcurrencyConflictException || failure instanceof QueryConflictException
                ? "conflict" : "failed");
        trace.failed(failure);
    }

    private BoundCommandHandler handlerFor(Object command) {
        if (command == null) {
            throw new NullPointerException(CommandMessages.nullMessage("dispatch").toString());
        }
        BoundCommandHandler handler = handlers.get(command.getClass());
        if (handler == null) {
            throw new NoHandlerException(CommandMessages.noCommandHandler(command.getClass(),
                    handlers.keySet().stream().map(Class::getName).sorted().toList()));
        }
        return handler;
    }

    /** The streams' turns in this server. */
    StreamTurns turns() {
        return turns;
    }

    private CommandResult execute(BoundCommandHandler handler, Object command, CommandOptions options,
                                  CommandTrace trace) {
        UUID commandId = EventIds.next();
        String streamId = handler.streamIdOf(command);
        if (streamId != null) {
            trace.attribute(Telemetry.STREAM, streamId);
        }
        trace.ids(commandId, options.correlationId() == null ? commandId.toString() : options.correlationId());
        String key = options.idempotencyKey();
        if (streamId != null) {
            StoreLimits.check(streamId, key, options.idempotencyScope(), options.correlationId(),
                    options.causationId());
        }
        StateModel stateModel = handler.state();
        List<QueryItem> items = handler.boundary().isEmpty() ? null : boundaries.items(handler.boundary(), command);
        // stateful commands on one stream, and commands deciding over the same query, take turns in this server, so
        // that they meet no conflict among themselves
        try (StreamTurns.Held turn = items != null ? turns.takeAll(BoundaryLoader.turnKeys(items))
                : stateModel == null ? StreamTurns.Turn.NONE : turns.take(streamId)) {
            CommandResult result = attempts(handler, command, options, commandId, streamId, key, stateModel, items,
                    trace);
            trace.outcome(result.duplicate() ? "duplicate" : result.events().isEmpty() ? "nothing" : "stored");
            return result;
        }
    }

    /** Folds, handles and appends, again after each concurrency conflict up to the retries allowed. */
    private CommandResult attempts(BoundCommandHandler handler, Object command, CommandOptions options,
                                   UUID commandId, String streamId, String key, StateModel stateModel,
                                   List<QueryItem> items, CommandTrace trace) {
        boolean unreadConflicted = false;
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                trace.retried(attempt);
            }
            if (key != null) {
                Optional<CommandResult> earlier = earlierResult(key, streamId, commandId);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            StateLoader.LoadedState loaded = stateModel == null ? null : states.load(stateModel, streamId);
            BoundaryLoader.Decision decision = items == null ? null : boundaries.load(handler.boundary(), items);
            List<Object> events;
            if (decision != null) {
                events = handler.decide(command, decision.models(), streamId);
            } else {
                Handled handled = handle(handler, command, stateModel, streamId, loaded);
                loaded = handled.loaded();
                events = handled.events();
            }
            if (streamId == null) {
                return new CommandResult(commandId, null, 0, List.of(), false);
            }
            if (events.isEmpty() && key == null) {
                long version = loaded != null ? loaded.version() : store.streamVersion(streamId);
                return new CommandResult(commandId, streamId, version, List.of(), false);
            }
            AppendCondition condition = loaded != null ? AppendCondition.streamVersionEq(loaded.version())
                    : handler.createsStream() ? AppendCondition.noStream() : AppendCondition.any();
            AppendRequest request = new AppendRequest(streamId, condition,
                    newEvents(events, streamId, commandId, options), key, options.idempotencyScope(),
                    decision == null ? null : decision.condition().orElse(null));
            Telemetry.Trace append = trace.append(streamId, events.size());
            try (Telemetry.Scope scope = append.activate()) {
                AppendResult appended = store.append(request);
                Telemetry.appended(append, appended.events());
                if (loaded != null) {
                    states.appended(stateModel, loaded, appended);
                }
                return result(appended, key, streamId, commandId);
            } catch (ConcurrencyConflictException conflict) {
                append.failed(conflict);
                if (stateModel != null) {
                    states.doubt(stateModel, streamId);
                }
                if (loaded != null && loaded.unread() && !unreadConflicted) {
                    // decided on a kept state another server's append made old: once, not a retry of what was read
                    unreadConflicted = true;
                    attempt--;
                    continue;
                }
                if (stateModel == null || attempt >= maxRetries) {
                    throw conflict;
                }
            } catch (QueryConflictException conflict) {
                append.failed(conflict);
                if (attempt >= maxRetries) {
                    throw conflict;
                }
            } catch (RuntimeException | Error e) {
                append.failed(e);
                throw e;
            } finally {
                append.end();
            }
        }
    }

    /**
     * Handles {@code command} on {@code loaded}. A command refused, or storing nothing, on a state kept without reading
     * the stream ({@link StateLoader.LoadedState#unread()}) is decided again on the stream as read now, when that holds
     * newer events: another server may have appended what changes the decision, and no append would tell.
     */
    private Handled handle(BoundCommandHandler handler, Object command, StateModel model, String streamId,
                           StateLoader.LoadedState loaded) {
        if (loaded == null || !loaded.unread()) {
            return new Handled(loaded, handler.handle(command, loaded == null ? null : loaded.state(), streamId));
        }
        List<Object> events = List.of();
        RuntimeException refused = null;
        try {
            events = handler.handle(command, loaded.state(), streamId);
        } catch (RuntimeException e) {
            refused = e;
        }
        if (refused == null && !events.isEmpty()) {
            return new Handled(loaded, events);
        }
        StateLoader.LoadedState read = states.read(model, streamId);
        if (read.state() == loaded.state() && read.version() == loaded.version()) {
            if (refused != null) {
                throw refused;
            }
            return new Handled(loaded, events);
        }
        return new Handled(read, handler.handle(command, read.state(), streamId));
    }

    /** The events a handler returned and the state it decided on. */
    private record Handled(StateLoader.LoadedState loaded, List<Object> events) {
    }

    private Optional<CommandResult> earlierResult(String key, String streamId, UUID commandId) {
        return store.findByIdempotencyKey(key).map(earlier -> result(earlier, key, streamId, commandId));
    }

    private static CommandResult result(AppendResult appended, String key, String streamId, UUID commandId) {
        if (appended.duplicate() && !appended.streamId().equals(streamId)) {
            throw new IdempotencyKeyReusedException(
                    CommandMessages.idempotencyKeyReused(key, appended.streamId(), streamId));
        }
        return new CommandResult(commandId, streamId, appended.streamVersion(), appended.events(),
                appended.duplicate());
    }

    private List<NewEvent> newEvents(List<Object> events, String streamId, UUID commandId, CommandOptions options) {
        String id = commandId.toString();
        String correlationId = options.correlationId() == null ? id : options.correlationId();
        String causationId = options.causationId() == null ? id : options.causationId();
        List<NewEvent> newEvents = new ArrayList<>(events.size());
        Map<String, String> headers = telemetry.withContext(options.headers());
        for (Object event : events) {
            EventTypes.EventTypeName type = eventTypes.typeOf(event, streamId);
            newEvents.add(new NewEvent(EventIds.next(), type.name(), type.version(), event, correlationId,
                    causationId, headers, TagComponents.tagsOf(event)));
        }
        return newEvents;
    }
}
