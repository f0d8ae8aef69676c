package dev.allframe.core.saga;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandOptions;
import dev.allframe.core.EventIds;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendToEventStream;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A step that writes what it does into a shared journal and does what the test tells it to. */
final class ScriptedStep implements Step<String> {

    private final String name;
    private final List<String> journal;
    Object output;
    RuntimeException executeFailure;
    Error executeError;
    RuntimeException compensateFailure;
    /** When set, execute waits for it, ignoring interrupts, for at most a minute. */
    CountDownLatch blockUntil;
    /** When set, compensate waits for it, ignoring interrupts, for at most a minute. */
    CountDownLatch compensateBlockUntil;
    /** The idempotency key and scope each execution dispatched with. */
    final List<String> executionKeys = new CopyOnWriteArrayList<>();
    /** What each compensation was told its execution stored. */
    final List<List<EventEnvelope>> executionEventsSeen = new CopyOnWriteArrayList<>();
    /** When set, each execution appends an event to {@code ledger-<name>}, as a dispatched command would. */
    AppendToEventStream appendsTo;
    /** How the execution's append ended: its result or what it threw. */
    final CompletableFuture<Object> appended = new CompletableFuture<>();

    ScriptedStep(String name, List<String> journal) {
        this.name = name;
        this.journal = journal;
    }

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        journal.add("execute " + name + " " + context.input() + " " + context.idempotencyKey().substring(37));
        CommandOptions options = context.commandOptions();
        executionKeys.add(options.idempotencyKey() + " in " + options.idempotencyScope());
        if (blockUntil != null) {
            awaitIgnoringInterrupts(blockUntil);
        }
        if (appendsTo != null) {
            try {
                appended.complete(appendsTo.append(new AppendRequest("ledger-" + name, AppendCondition.any(),
                        List.of(new NewEvent(EventIds.next(), "Booked", 1, name + " " + context.input(),
                                null, null, Map.of())), options.idempotencyKey(), options.idempotencyScope())));
            } catch (RuntimeException e) {
                appended.complete(e);
                throw e;
            }
        }
        if (executeFailure != null) {
            throw executeFailure;
        }
        if (executeError != null) {
            throw executeError;
        }
        return output == null ? StepResult.done() : StepResult.output(output).stage();
    }

    @Override
    public void compensate(SagaContext<String> context) {
        journal.add("compensate " + name + " " + context.idempotencyKey().substring(37));
        executionEventsSeen.add(context.executionEvents());
        if (compensateBlockUntil != null) {
            awaitIgnoringInterrupts(compensateBlockUntil);
        }
        if (compensateFailure != null) {
            throw compensateFailure;
        }
    }

    static void awaitIgnoringInterrupts(CountDownLatch latch) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ignored) {
                // a step that does not stop when interrupted
            }
        }
    }
}
