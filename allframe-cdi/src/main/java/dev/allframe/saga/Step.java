package dev.allframe.saga;

import java.util.concurrent.CompletionStage;

/**
 * What a saga step does and how it is undone.
 *
 * <p>AllFrame runs {@code execute} on a thread of its own and bounds it, with the stage it returns, by the
 * step's timeout: a step that blocks, even one that ignores interrupts, fails with a timeout once its time is
 * up, and the saga compensates. Return {@link StepResult#done()} or {@code StepResult.output(value).stage()}
 * when the work is done synchronously, or a stage that completes later.
 *
 * <p>{@code compensate} undoes the step; it runs for the step that failed too (it may have had an effect
 * before failing), and it may run more than once for one saga after a crash, so it must be idempotent:
 * {@link SagaContext#idempotencyKey()} is the same each time.
 *
 * @param <I> the saga's input
 */
public interface Step<I> {

    CompletionStage<StepResult> execute(SagaContext<I> context) throws Exception;

    void compensate(SagaContext<I> context) throws Exception;
}
