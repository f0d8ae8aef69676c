package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.Handlers;
import dev.allframe.command.Apply;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandResult;
import dev.allframe.command.InitialState;
import dev.allframe.command.StreamId;
import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.StoreCapabilities;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stateful commands on one stream take turns within a server; a command that waited too long goes ahead. */
class StreamTurnsTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Bumps bumps = new Bumps();

    @AfterEach
    void stop() {
        bumps.release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aSecondCommandOnAStreamWaitsForTheFirstAndFoldsItsEvent() throws Exception {
        CommandDispatcher bus = bus(Duration.ofMinutes(1));
        CompletableFuture<CommandResult> first = dispatch(bus, "S");
        assertThat(bumps.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CommandResult> second = dispatch(bus, "S");
        awaitQueued(bus, "S");

        bumps.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(2);
        assertThat(bumps.seen).as("each handler call saw the state before it; none was repeated").containsExactly(0L, 1L);
        assertThat(bus.turns().streams()).isZero();
    }

    @Test
    void withoutTurnsTheFirstCommandMeetsAConflictAndIsHandledAgain() throws Exception {
        CommandDispatcher bus = bus(Duration.ZERO);
        CompletableFuture<CommandResult> first = dispatch(bus, "S");
        assertThat(bumps.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(dispatch(bus, "S").get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(1);
        bumps.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(2);
        assertThat(bumps.seen).containsExactly(0L, 0L, 1L);
    }

    @Test
    void aCommandThatWaitedLongerThanTheTurnWaitGoesAheadWithoutItsTurn() throws Exception {
        CommandDispatcher bus = bus(Duration.ofMillis(1));
        CompletableFuture<CommandResult> first = dispatch(bus, "S");
        assertThat(bumps.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(dispatch(bus, "S").get(10, TimeUnit.SECONDS).streamVersion())
                .as("done while the first still holds the turn").isEqualTo(1);
        bumps.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(2);
        assertThat(bus.turns().streams()).isZero();
    }

    @Test
    void commandsOnOtherStreamsDoNotWait() throws Exception {
        CommandDispatcher bus = bus(Duration.ofMinutes(1));
        CompletableFuture<CommandResult> first = dispatch(bus, "S");
        assertThat(bumps.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(dispatch(bus, "T").get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(1);
        bumps.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).streamVersion()).isEqualTo(1);
    }

    @Test
    void aThreadThatHoldsAStreamsTurnTakesItAgain() {
        StreamTurns turns = new StreamTurns(Duration.ofMinutes(1));
        try (StreamTurns.Turn outer = turns.take("S"); StreamTurns.Turn inner = turns.take("S")) {
            assertThat(inner).isSameAs(outer).isNotSameAs(StreamTurns.Turn.NONE);
        }
        assertThat(turns.streams()).isZero();
    }

    private CompletableFuture<CommandResult> dispatch(CommandDispatcher bus, String stream) {
        return CompletableFuture.supplyAsync(() -> bus.dispatch(new Bump(stream)), threads);
    }

    private static void awaitQueued(CommandDispatcher bus, String stream) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bus.turns().queued(stream)) {
            assertThat(System.nanoTime()).as("a command waits for the turn of %s", stream).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private CommandDispatcher bus(Duration turnWait) {
        HandlerCatalog catalog = TestBuses.catalog(bumps);
        return new CommandDispatcher(catalog, type -> bumps, StoreCapabilities.of(new InMemoryEventStore()),
                TestBuses.VALIDATOR, new AllFrameConfig("memory", 3, 0, AllFrameConfig.defaults().projections(),
                0, turnWait), Runnable::run, TestBuses.eventTypes(catalog), TestBuses.fingerprints(catalog));
    }

    record Bump(@StreamId String id) {
    }

    record Bumped(String id, long seen) {
    }

    record Count(long value) {

        @InitialState
        static Count zero() {
            return new Count(0);
        }

        @Apply
        Count on(Bumped bumped) {
            return new Count(value + 1);
        }
    }

    /** Counts on a stream; the first call waits until the test releases it. */
    @Handlers
    static class Bumps {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Long> seen = new CopyOnWriteArrayList<>();
        private final AtomicBoolean first = new AtomicBoolean(true);

        @CommandHandler
        Bumped bump(Bump command, Count count) throws InterruptedException {
            seen.add(count.value());
            if (first.getAndSet(false)) {
                entered.countDown();
                release.await();
            }
            return new Bumped(command.id(), count.value());
        }
    }
}
