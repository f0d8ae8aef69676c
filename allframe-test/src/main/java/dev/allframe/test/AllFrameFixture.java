package dev.allframe.test;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandOptions;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.QueryBus;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.spi.event.EventStore;
import dev.allframe.test.internal.GivenEvents;
import dev.allframe.test.internal.Interference;
import dev.allframe.test.internal.ManualTime;
import dev.allframe.test.internal.ProjectionWaiter;
import dev.allframe.test.internal.SagaWaiter;
import dev.allframe.test.internal.StateFolder;
import dev.allframe.test.internal.StepDoubles;
import dev.allframe.test.internal.StoreReads;
import dev.allframe.test.internal.TestKitMessages;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an {@link AllFrameTest} gives, does and expects, on the application's own beans: events stored on streams
 * (or commands that store them), then a command, then the events it stored or why it was refused; the read models
 * once every projection caught up; a saga's outcome, steps and events. A method of a test class may take one as a
 * parameter, or a field may {@code @Inject} it; each test has its own, on its own empty store.
 *
 * <pre>{@code
 * fixture.given("A-1", new AccountOpened("A-1", "Ada"), new MoneyDeposited("A-1", new BigDecimal("100")))
 *         .when(new Withdraw("A-1", new BigDecimal("30")))
 *         .thenEvents(new MoneyWithdrawn("A-1", new BigDecimal("30")));
 * }</pre>
 */
public final class AllFrameFixture {

    private static final Duration AWAIT = Duration.ofSeconds(10);
    private static final Duration SAGA_GUARD = Duration.ofSeconds(60);

    private final Instance<Object> beans;
    private final TestRun run;
    private final StepDoubles steps;
    private final ManualTime time;

    /** A fixture on the beans of a running container; {@link AllFrameTest} makes one for each test. */
    AllFrameFixture(Instance<Object> beans, TestRun run) {
        this.beans = requireNonNull(beans, "beans");
        this.run = requireNonNull(run, "run");
        this.steps = run.steps();
        this.time = run.time();
    }

    /** The container's bean of {@code type}. */
    public <T> T bean(Class<T> type) {
        return beans.select(type).get();
    }

    public CommandBus commands() {
        return bean(CommandBus.class);
    }

    public QueryBus queries() {
        return bean(QueryBus.class);
    }

    public ProjectionRegistry projections() {
        return bean(ProjectionRegistry.class);
    }

    public SagaOrchestrator sagas() {
        return bean(SagaOrchestrator.class);
    }

    /** The store the test runs on. */
    public EventStore store() {
        return bean(EventStore.class);
    }

    /** Stores {@code events} at the end of {@code streamId}, as a command would have, whatever the stream holds. */
    public AllFrameFixture given(String streamId, Object... events) {
        append(streamId, List.of(events));
        return this;
    }

    /**
     * Stores an event as an earlier version of the application wrote it: its stored type name, schema version and
     * JSON, read back through the application's upcasters like any stored event. Handlers, projections and
     * {@link #events} then see what today's code makes of it. Needs a store that keeps JSON
     * ({@link TestStore#H2} or {@link TestStore#POSTGRESQL}); in memory, {@link #given} an object of the old class.
     */
    public AllFrameFixture givenStored(String streamId, String typeName, int schemaVersion, String json) {
        if (run.store() == TestStore.MEMORY) {
            throw new IllegalStateException(TestKitMessages.storedNeedsJson(typeName, schemaVersion).toString());
        }
        GivenEvents.appendJson(store(), requireNonNull(streamId, "streamId"), typeName, schemaVersion, json);
        return this;
    }

    /** Dispatches each command in turn; one that does not succeed fails the test. */
    public AllFrameFixture givenCommands(Object... commands) {
        for (Object command : commands) {
            try {
                commands().dispatch(command);
            } catch (RuntimeException e) {
                throw new AssertionError(TestKitMessages.otherOutcome("The given command " + command, "succeed",
                        "it failed: " + CommandThen.describe(e)).toString(), e);
            }
        }
        return this;
    }

    /** Dispatches {@code command}; what it stored, or why it was refused, is for the answer's {@code then} methods. */
    public CommandThen when(Object command) {
        return when(command, CommandOptions.none());
    }

    public CommandThen when(Object command, CommandOptions options) {
        return dispatch(command, options, null);
    }

    /**
     * Dispatches {@code command} and has {@code concurrent} appended between the command's read of its stream and
     * its append, as another writer would: the command meets a concurrency conflict, and AllFrame retries it.
     */
    public CommandThen whenConcurrently(Object command, Concurrent concurrent) {
        return whenConcurrently(command, CommandOptions.none(), concurrent);
    }

    public CommandThen whenConcurrently(Object command, CommandOptions options, Concurrent concurrent) {
        return dispatch(command, options, requireNonNull(concurrent, "concurrent"));
    }

    private CommandThen dispatch(Object command, CommandOptions options, Concurrent concurrent) {
        requireNonNull(command, "command");
        CommandBus bus = commands();
        Interference interference = concurrent == null ? Interference.counting()
                : Interference.begin(concurrent.streamId(), concurrent.events(), concurrent.everyAttempt(),
                this::append);
        try {
            CommandResult result = bus.dispatch(command, options);
            return new CommandThen(this, command, result, null, interference.attempts());
        } catch (RuntimeException | Error e) {
            return new CommandThen(this, command, null, e, interference.attempts());
        } finally {
            interference.end();
        }
    }

    /**
     * Starts {@code saga} with {@code input} and waits for its outcome. On {@linkplain AllFrameTest#manualTime()
     * manual time}, while a step {@linkplain #hangStep hangs} the test's time passes until its timeout comes, so
     * that the saga goes on without waiting for it; other waits on the test's time (a retry's delay) need
     * {@link #startSaga} and {@link #advanceTime}.
     */
    public SagaThen whenSaga(String saga, Object input) {
        return startSaga(saga, input).then();
    }

    /**
     * Starts {@code saga} with {@code input} and answers at once, for a test that gives the saga its time step by
     * step: {@link SagaRun#awaitHangingStep()}, {@link #advanceTime}, then {@link SagaRun#then()}.
     */
    public SagaRun startSaga(String saga, Object input) {
        EventStore store = store();
        long head = store.headPosition();
        Instant started = time == null ? null : time.instant();
        int commandsBefore = run.commands().mark();
        SagaExecution execution = sagas().startAsync(saga, input);
        return new SagaRun(saga, input, execution, () -> {
            SagaOutcome outcome = SagaWaiter.await(execution, steps, time, SAGA_GUARD);
            List<Object> events = StoreReads.after(store, head);
            Duration elapsed = time == null ? null : Duration.between(started, time.instant());
            return new SagaThen(saga, input, outcome, new SagaThen.Done(events, run.commands().since(commandsBefore),
                    sagas().history(outcome.sagaId()), elapsed));
        }, steps);
    }

    /** Makes each execution of the saga step {@code stepClass} throw {@code failure} instead of running. */
    public AllFrameFixture failStep(Class<?> stepClass, RuntimeException failure) {
        steps.fail(requireNonNull(stepClass, "stepClass"), requireNonNull(failure, "failure"));
        return this;
    }

    /**
     * Makes each execution of the saga step {@code stepClass} answer with a stage that never completes, as a call
     * that never returns: the step's timeout ends it. Meant for {@linkplain AllFrameTest#manualTime() manual time}.
     */
    public AllFrameFixture hangStep(Class<?> stepClass) {
        steps.hang(requireNonNull(stepClass, "stepClass"));
        return this;
    }

    /**
     * Moves the test's clock on by {@code duration}; AllFrame's timeouts, back-off, polls and leases due meanwhile
     * run, in order. Needs {@link AllFrameTest#manualTime()}.
     */
    public AllFrameFixture advanceTime(Duration duration) {
        manualTime().advance(duration);
        return this;
    }

    /** The test's clock: the system's, or the manual one. */
    public Instant now() {
        return time == null ? Instant.now() : time.instant();
    }

    private ManualTime manualTime() {
        if (time == null) {
            throw new IllegalStateException(TestKitMessages.notManualTime().toString());
        }
        return time;
    }

    /** {@code streamId}'s state as a command handler taking {@code stateType} would see it now. */
    public <S> S state(Class<S> stateType, String streamId) {
        return StateFolder.fold(stateType, StoreReads.stream(store(), streamId));
    }

    /** The events {@code streamId} holds, in order. */
    public List<Object> events(String streamId) {
        return StoreReads.stream(store(), streamId).stream().map(EventEnvelope::event).toList();
    }

    /**
     * Waits until every projection has applied every event stored so far, for up to ten seconds; a projection that
     * failed meanwhile fails the test at once, with its failure.
     */
    public AllFrameFixture awaitProjections() {
        return awaitProjections(AWAIT);
    }

    public AllFrameFixture awaitProjections(Duration timeout) {
        ProjectionWaiter.awaitAll(projections(), store().headPosition(), timeout);
        return this;
    }

    /** Rebuilds {@code projection} from the first event on and waits until it has caught up. */
    public AllFrameFixture rebuild(String projection) {
        projections().rebuild(projection);
        return awaitProjections();
    }

    private void append(String streamId, List<Object> events) {
        GivenEvents.append(store(), requireNonNull(streamId, "streamId"), events);
    }
}
