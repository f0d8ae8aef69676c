package dev.allframe.core.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A saga writes its log once per step boundary: the saga is stored with the start of its first step, the end of a step
 * with the start of the next one, and the end of the last with the saga's completion. On a database each write is a
 * transaction with its commit.
 */
class SagaWritesTest {

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final MutableClock clock = new MutableClock();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aTwoStepSagaIsWrittenOncePerStepBoundaryItsStartWithItsFirstStep() {
        SagaDefinition<String> transfer = SagaDefinition.<String>named("transfer")
                .step("debit", new ScriptedStep("debit", journal))
                .step("credit", new ScriptedStep("credit", journal));
        Problems problems = new Problems();
        SagaModel model = SagaDefinitions.model(transfer, "test", Duration.ofSeconds(20), threads,
                new ManualTimer(clock), problems).orElseThrow();
        SagaEngine engine = new SagaEngine(List.of(model), counting(new InMemorySagaStore(clock)),
                new InMemoryEventStore(), new EventTypeRegistry(), threads, clock, Duration.ofSeconds(30));

        SagaOutcome outcome = engine.start("transfer", "t-1");

        assertThat(outcome).isInstanceOf(SagaOutcome.Completed.class);
        assertThat(writes).containsExactly("start [1 STARTED]", "save [1 SUCCEEDED, 2 STARTED]",
                "save [2 SUCCEEDED]");
        assertThat(engine.history(outcome.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result).containsExactly(
                tuple(1, SagaLogEntry.Action.EXECUTE, SagaLogEntry.Result.SUCCEEDED),
                tuple(2, SagaLogEntry.Action.EXECUTE, SagaLogEntry.Result.SUCCEEDED));
    }

    /** {@code store}, with each write the engine asks of it noted in {@link #writes}. */
    private SagaStore counting(SagaStore store) {
        return SagaStoreWrites.noting(store, (write, entries) -> writes.add(
                write + " " + entries.stream().map(entry -> entry.step() + " " + entry.result()).toList()));
    }
}
