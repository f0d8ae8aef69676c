package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandOptions;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.NoHandlerException;
import dev.allframe.command.StreamId;
import dev.allframe.event.EventType;
import dev.allframe.memory.InMemoryEventStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {

    record Many(@StreamId String id) {
    }

    record One(@StreamId String id, String text) {
    }

    record None(@StreamId String id) {
    }

    record Notify(String message) {
    }

    record NullInside(@StreamId String id) {
    }

    record Boom(@StreamId String id) {
    }

    record Checked(@StreamId @NotBlank String id, @Max(3) int size, @NotBlank String label) {
    }

    record Unhandled(String id) {
    }

    sealed interface Note permits Noted, Renamed {
    }

    record Noted(String id, String text) implements Note {
    }

    @EventType(name = "note-v2", version = 2)
    record Renamed(String id) implements Note {
    }

    static class ShapeHandlers {
        int calls;
        String lastThread;

        @CommandHandler
        List<Note> many(Many c) {
            calls++;
            lastThread = Thread.currentThread().getName();
            return List.of(new Noted(c.id(), "a"), new Renamed(c.id()));
        }

        @CommandHandler
        Noted one(One c) {
            calls++;
            return c.text() == null ? null : new Noted(c.id(), c.text());
        }

        @CommandHandler
        void none(None c) {
            calls++;
        }

        @CommandHandler
        void notify(Notify c) {
            calls++;
        }

        @CommandHandler
        List<Note> nullInside(NullInside c) {
            return Arrays.asList(new Noted(c.id(), "ok"), null);
        }

        @CommandHandler
        Noted boom(Boom c) {
            throw new IllegalStateException("disk on fire");
        }

        @CommandHandler
        Noted checked(Checked c) {
            calls++;
            return new Noted(c.id(), c.label());
        }
    }

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final ShapeHandlers handlers = new ShapeHandlers();
    private final CommandDispatcher bus = TestBuses.commandBus(store, 3, handlers);

    @Test
    void appendsACollectionOfEventsWithTypeNamesVersionsAndPositions() {
        CommandResult result = bus.dispatch(new Many("s"));

        assertThat(result.streamId()).isEqualTo("s");
        assertThat(result.streamVersion()).isEqualTo(2);
        assertThat(result.duplicate()).isFalse();
        assertThat(result.events()).extracting(EventEnvelope::typeName, EventEnvelope::schemaVersion,
                        EventEnvelope::streamVersion, EventEnvelope::globalPosition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CommandDispatcherTest.Noted", 1, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("note-v2", 2, 2L, 2L));
        assertThat(store.readStream("s", 1, 10)).isEqualTo(result.events());
    }

    @Test
    void appendsOneEventOrNoneForNull() {
        assertThat(bus.dispatch(new One("s", "hi")).events()).extracting(EventEnvelope::event)
                .containsExactly(new Noted("s", "hi"));

        CommandResult nothing = bus.dispatch(new One("s", null));

        assertThat(nothing.events()).isEmpty();
        assertThat(nothing.lastPosition()).isZero();
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void voidHandlersRunAndStoreNothing() {
        CommandResult withStream = bus.dispatch(new None("s"));
        CommandResult withoutStream = bus.dispatch(new Notify("hello"));

        assertThat(handlers.calls).isEqualTo(2);
        assertThat(withStream.streamVersion()).isZero();
        assertThat(withoutStream.streamId()).isNull();
        assertThat(withoutStream.streamVersion()).isZero();
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aStatelessHandlerThatAppendsNothingReportsTheStreamsVersion() {
        bus.dispatch(new Many("s"));
        long version = store.streamVersion("s");

        CommandResult nothing = bus.dispatch(new None("s"));

        assertThat(version).isPositive();
        assertThat(nothing.streamVersion()).isEqualTo(version);
        assertThat(nothing.events()).isEmpty();
    }

    @Test
    void correlationAndCausationDefaultToTheCommandId() {
        CommandResult result = bus.dispatch(new Many("s"));

        String commandId = result.commandId().toString();
        assertThat(result.events()).allSatisfy(e -> {
            assertThat(e.correlationId()).isEqualTo(commandId);
            assertThat(e.causationId()).isEqualTo(commandId);
            assertThat(e.metadata()).isEmpty();
        });
        assertThat(result.events().get(0).eventId()).isNotEqualTo(result.events().get(1).eventId());
    }

    @Test
    void optionsAreCopiedToEveryEvent() {
        CommandResult result = bus.dispatch(new Many("s"), CommandOptions.none()
                .correlationId("order-7").causationId("msg-3").header("user", "ada").header("tenant", "t1"));

        assertThat(result.events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.correlationId()).isEqualTo("order-7");
            assertThat(e.causationId()).isEqualTo("msg-3");
            assertThat(e.metadata()).isEqualTo(Map.of("user", "ada", "tenant", "t1"));
        });
    }

    @Test
    void handlerFailuresNameTheHandlerAndKeepTheCause() {
        assertThatThrownBy(() -> bus.dispatch(new Boom("s")))
                .isInstanceOf(HandlerFailedException.class)
                .hasMessage("AF1105: Handler dev.allframe.core.dispatch.CommandDispatcherTest$ShapeHandlers#boom(Boom)"
                        + " failed on dev.allframe.core.dispatch.CommandDispatcherTest$Boom for stream 's':"
                        + " java.lang.IllegalStateException: disk on fire")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aNullEventIsAnErrorAndStoresNothing() {
        assertThatThrownBy(() -> bus.dispatch(new NullInside("s")))
                .isInstanceOf(HandlerFailedException.class)
                .hasMessage("AF1108: Handler dev.allframe.core.dispatch.CommandDispatcherTest$ShapeHandlers"
                        + "#nullInside(NullInside) returned a null event at index 1");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void anEventOfAClassTheApplicationDidNotDeclareIsRefusedAndStoresNothing() {
        CommandDispatcher knowingOnlyRenamed = new CommandDispatcher(TestBuses.catalog(handlers), type -> handlers,
                dev.allframe.spi.StoreCapabilities.of(store), TestBuses.VALIDATOR,
                new dev.allframe.core.config.AllFrameConfig("memory", 3, 0), Runnable::run,
                dev.allframe.core.EventTypeRegistry.of(List.of(Renamed.class)),
                TestBuses.fingerprints(TestBuses.catalog(handlers)));

        assertThatThrownBy(() -> knowingOnlyRenamed.dispatch(new Many("s")))
                .isInstanceOf(dev.allframe.EventStoreException.class)
                .hasMessage("AF1184: Event class dev.allframe.core.dispatch.CommandDispatcherTest$Noted is not one of"
                        + " the application's event classes, so it is not appended to stream 's': they are found at"
                        + " deployment in what command handlers return, states apply, projections handle and upcasters"
                        + " take or make, sealed types with the classes they permit; nothing of the append was stored");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void invalidCommandsNeverReachTheHandler() {
        assertThatThrownBy(() -> bus.dispatch(new Checked("", 4, null)))
                .isInstanceOf(CommandValidationException.class)
                .hasMessage("AF1103: dev.allframe.core.dispatch.CommandDispatcherTest$Checked is invalid: "
                        + "id: must not be blank; label: must not be blank; size: must be less than or equal to 3")
                .satisfies(e -> assertThat(((CommandValidationException) e).violations()).containsExactly(
                        new Violation("id", "must not be blank"), new Violation("label", "must not be blank"),
                        new Violation("size", "must be less than or equal to 3")));
        assertThat(handlers.calls).isZero();
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aNullStreamIdIsAViolation() {
        assertThatThrownBy(() -> bus.dispatch(new Many(null)))
                .isInstanceOf(CommandValidationException.class)
                .hasMessage("AF1103: dev.allframe.core.dispatch.CommandDispatcherTest$Many is invalid: "
                        + "id: AF1107: must not be null: it is the command's @StreamId");
        assertThat(handlers.calls).isZero();
    }

    @Test
    void unknownCommandTypesNameTheKnownOnes() {
        assertThatThrownBy(() -> bus.dispatch(new Unhandled("x")))
                .isInstanceOf(NoHandlerException.class)
                .hasMessage("AF1101: No @CommandHandler handles dev.allframe.core.dispatch.CommandDispatcherTest$Unhandled;"
                        + " known command types: dev.allframe.core.dispatch.CommandDispatcherTest$Boom,"
                        + " dev.allframe.core.dispatch.CommandDispatcherTest$Checked,"
                        + " dev.allframe.core.dispatch.CommandDispatcherTest$Many,"
                        + " dev.allframe.core.dispatch.CommandDispatcherTest$None,"
                        + " dev.allframe.core.dispatch.CommandDispatcherTest$Notify,"
                        + " dev.allframe.core.dispatch.CommandDispatcherTest$NullInside,"
                        + " dev.allframe.core.dispatch.CommandDispatcherTest$One");
    }

    @Test
    void aNullCommandIsRefused() {
        assertThatThrownBy(() -> bus.dispatch(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("AF1116: dispatch needs a message, but got null");
    }

    @Test
    void dispatchAsyncRunsOnTheExecutorAndCompletesWithTheResultOrTheFailure() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "async-test"));
        try {
            ShapeHandlers asyncHandlers = new ShapeHandlers();
            CommandDispatcher asyncBus = TestBuses.commandBus(store, 3, executor, asyncHandlers);

            CommandResult result = asyncBus.dispatchAsync(new Many("s")).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(result.events()).hasSize(2);
            assertThat(asyncHandlers.lastThread).isEqualTo("async-test");
            assertThatThrownBy(() -> asyncBus.dispatchAsync(new Boom("s")).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(HandlerFailedException.class);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void dispatchAsyncValidatesOnTheCallersThreadAndReportsViolationsThroughTheStage() {
        List<String> validatingThreads = new CopyOnWriteArrayList<>();
        MessageValidator recording = message -> {
            validatingThreads.add(Thread.currentThread().getName());
            TestBuses.VALIDATOR.validate(message);
        };
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "async-test"));
        try {
            ShapeHandlers asyncHandlers = new ShapeHandlers();
            CommandDispatcher asyncBus = TestBuses.commandBus(store, recording, executor, asyncHandlers);

            asyncBus.dispatchAsync(new Many("s")).toCompletableFuture().join();
            assertThatThrownBy(() -> asyncBus.dispatchAsync(new Checked(" ", 1, "x")).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(CommandValidationException.class)
                    .hasMessageEndingWith("is invalid: id: must not be blank");
            assertThatThrownBy(() -> asyncBus.dispatchAsync(new Unhandled("u")).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(NoHandlerException.class);

            assertThat(validatingThreads).containsExactly(Thread.currentThread().getName(),
                    Thread.currentThread().getName());
            assertThat(asyncHandlers.lastThread).isEqualTo("async-test");
            assertThat(asyncHandlers.calls).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
