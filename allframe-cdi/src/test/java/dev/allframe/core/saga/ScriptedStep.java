package dev.allframe.core.saga;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.List;
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
    /** The idempotency key each execution ran with, then the execution key each compensation was given. */
    final List<String> executionKeys = new CopyOnWriteArrayList<>();

    ScriptedStep(String name, List<String> journal) {
        this.name = name;
        this.journal = journal;
    }

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        journal.add("execute " + name + " " + context.input() + " " + context.idempotencyKey().substring(37));
        executionKeys.add(context.idempotencyKey());
        if (blockUntil != null) {
            awaitIgnoringInterrupts(blockUntil);
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
        executionKeys.add(context.executionIdempotencyKey());
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
