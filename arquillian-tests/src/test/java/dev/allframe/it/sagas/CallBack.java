package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;

/**
 * Its first attempt blocks past its timeout; the retry the WAR's configuration allows
 * ({@code dev.allframe.it.sagas.CallBack/execute/Retry/maxRetries=1}) looks the server's managed executor up in
 * {@code java:comp}, which Liberty answers only on threads with the application's context.
 */
@SagaStep(saga = "callback", order = 1, timeout = "300ms")
public class CallBack implements Step<String> {

    private final AtomicInteger attempts = new AtomicInteger();

    @Inject
    Journal journal;

    @Inject
    Gate gate;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) throws Exception {
        int attempt = attempts.incrementAndGet();
        journal.record(context.input(), "attempt " + attempt);
        if (attempt == 1) {
            gate.passIgnoringInterrupts();
        } else {
            new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
            journal.record(context.input(), "found the managed executor");
        }
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
        journal.record(context.input(), "compensate");
    }
}
