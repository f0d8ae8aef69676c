package dev.allframe.core.saga;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.EventIds;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.saga.NoSuchSagaException;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStatus;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.IdempotencyKeys;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the application's sagas on an executor, never in the caller's thread (nor its transaction), and
 * implements the {@link SagaOrchestrator}. Every saga this process runs holds a lease in the store, on the store's
 * clock, which {@link #renewLeases()} extends; {@link #recoverNow()} takes over unfinished sagas whose lease ran out
 * (their process stopped) and compensates them. {@link SagaLeases} calls both periodically.
 */
public final class SagaEngine implements SagaOrchestrator {

    private static final Logger LOG = Logger.getLogger(SagaEngine.class.getName());

    private final Map<String, SagaModel> sagas = new TreeMap<>();
    private final SagaStore store;
    private final StepAppender appender;
    private final IdempotencyKeys keys;
    private final Executor executor;
    private final Clock clock;
    private final Duration lease;
    /** The most sagas one recovery looks at; the rest wait for the next, a quarter lease later. */
    private static final int RECOVERY_BATCH = 500;
    private final Telemetry telemetry;
    private final String owner = EventIds.next().toString();
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    /** The sagas this process runs whose steps it executes, by id. */
    private final Map<UUID, SagaRun> running = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private final Set<UUID> unknownReported = ConcurrentHashMap.newKeySet();

    public SagaEngine(List<SagaModel> models, SagaStore store, EventStore events, EventTypeRegistry eventTypes,
                      Executor executor, Clock clock, Duration lease) {
        this(models, store, events, eventTypes, executor, clock, lease, Telemetry.NONE);
    }

    /** @param telemetry where each saga and each execution and compensation of its steps is traced */
    public SagaEngine(List<SagaModel> models, SagaStore store, EventStore events, EventTypeRegistry eventTypes,
                      Executor executor, Clock clock, Duration lease, Telemetry telemetry) {
        this.telemetry = requireNonNull(telemetry, "telemetry");
        models.forEach(model -> sagas.put(model.name(), model));
        this.store = requireNonNull(store, "store");
        this.appender = new StepAppender(requireNonNull(events, "events"), requireNonNull(eventTypes, "eventTypes"));
        this.keys = events;
        this.executor = requireNonNull(executor, "executor");
        this.clock = requireNonNull(clock, "clock");
        this.lease = requireNonNull(lease, "lease");
    }

    @Override
    public SagaOutcome start(String saga, Object input) {
        try {
            return startAsync(saga, input).outcome().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @Override
    public SagaExecution startAsync(String saga, Object input) {
        SagaModel model = model(saga);
        if (input == null) {
            throw new NullPointerException(SagaMessages.nullSagaInput(saga).toString());
        }
        UUID id = EventIds.next();
        Telemetry.Trace trace = telemetry.saga(model.name(), id);
        CompletableFuture<SagaOutcome> outcome = submit(id, trace, () -> {
            Instant now = now();
            SagaRecord record = new SagaRecord(id, model.name(), SagaState.RUNNING, 0, model.steps().size(), input,
                    Map.of(), 0, null, owner, null, now, now, telemetry.currentTraceParent());
            SagaRun run = new SagaRun(model, record, 0, store, appender, keys, clock, telemetry).storedFirstWith(lease);
            running.put(id, run);
            if (stopped) {
                run.abort();
            }
            return run.run(executor, trace);
        });
        return new SagaExecution(id, outcome);
    }

    @Override
    public Optional<SagaStatus> status(UUID sagaId) {
        return store.find(sagaId).map(SagaRecord::status);
    }

    @Override
    public List<SagaLogEntry> history(UUID sagaId) {
        return store.history(sagaId);
    }

    @Override
    public List<SagaStatus> unfinished() {
        return store.unfinished().stream().map(SagaRecord::status).toList();
    }

    @Override
    public List<String> sagas() {
        return List.copyOf(sagas.keySet());
    }

    /** This process's name for itself as the owner of the sagas it runs. */
    public String owner() {
        return owner;
    }

    /** Extends the leases of the sagas this process is running. */
    public void renewLeases() {
        if (!active.isEmpty()) {
            store.renewLeases(owner, Set.copyOf(active), lease);
        }
    }

    /**
     * Takes over every unfinished saga whose lease ran out and compensates it on the executor, from the
     * last step that may have had an effect.
     *
     * @return the sagas taken over, with their outcomes to come
     */
    public List<SagaExecution> recoverNow() {
        List<SagaExecution> recovered = new ArrayList<>();
        for (SagaRecord saga : store.expired(RECOVERY_BATCH)) {
            if (active.contains(saga.id())) {
                continue;
            }
            SagaModel model = sagas.get(saga.saga());
            if (model == null || Math.max(saga.currentStep(), saga.failedStep()) > model.steps().size()) {
                if (unknownReported.add(saga.id())) {
                    LOG.warning(SagaMessages.unknownSagaToRecover(saga.saga(), saga.id()).toString());
                }
                continue;
            }
            store.claim(saga.id(), owner, lease).ifPresent(claimed -> recovered.add(new SagaExecution(claimed.id(),
                    submit(claimed.id(), telemetry.sagaRecovered(claimed.saga(), claimed.id(), claimed.traceParent()),
                            () -> {
                                LOG.info(SagaMessages.sagaRecovered(claimed.saga(), claimed.id(),
                                        claimed.state().name(), claimed.currentStep()).toString());
                                List<SagaLogEntry> history = store.history(claimed.id());
                                return CompletableFuture.completedFuture(new SagaRun(model, claimed, history.size(),
                                        store, appender, keys, clock, telemetry).recover(history));
                            }))));
        }
        return recovered;
    }

    /**
     * Starts {@code work} on the executor within {@code trace}, which ends with the saga's outcome before the outcome
     * is given; the saga may go on elsewhere once {@code work} returned.
     */
    private CompletableFuture<SagaOutcome> submit(UUID id, Telemetry.Trace trace,
                                                  Supplier<CompletionStage<SagaOutcome>> work) {
        CompletableFuture<SagaOutcome> outcome = new CompletableFuture<>();
        active.add(id);
        try {
            executor.execute(() -> {
                CompletionStage<SagaOutcome> ended;
                try (Telemetry.Scope scope = trace.activate()) {
                    ended = work.get();
                } catch (RuntimeException | Error e) {
                    ended = CompletableFuture.failedFuture(e);
                }
                ended.whenComplete((result, failure) -> ended(id, trace, outcome, result, failure));
            });
        } catch (RuntimeException e) {
            active.remove(id);
            trace.failed(e);
            trace.end();
            if (Telemetry.breaksDown(e)) {
                telemetry.brokeDown("sagas", e);
            }
            throw e;
        }
        return outcome;
    }

    /** Ends the saga's trace and gives its outcome, or what kept it from one, which is logged. */
    private void ended(UUID id, Telemetry.Trace trace, CompletableFuture<SagaOutcome> outcome, SagaOutcome result,
                       Throwable failure) {
        try {
            if (failure == null) {
                trace.outcome(result.state().name());
                trace.end();
                outcome.complete(result);
                return;
            }
            Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure;
            trace.failed(e);
            trace.end();
            if (Telemetry.breaksDown(e)) {
                telemetry.brokeDown("saga " + id, e);
            }
            LOG.log(Level.WARNING, e.getMessage(), e);
            outcome.completeExceptionally(e);
        } finally {
            active.remove(id);
            running.remove(id);
        }
    }

    /**
     * Ends the runs of the sagas this process is executing, when AllFrame stops: each outcome fails with {@code AF1145}
     * and its saga stays unfinished, for recovery; a step still executing no longer makes its saga go on.
     * Compensations under way end when their threads are interrupted.
     */
    public void stop() {
        stopped = true;
        running.values().forEach(SagaRun::abort);
    }

    private SagaModel model(String name) {
        SagaModel model = sagas.get(requireNonNull(name, "saga"));
        if (model == null) {
            throw new NoSuchSagaException(SagaMessages.noSuchSaga(name, sagas.keySet()));
        }
        return model;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
