package dev.allframe.cdi.features.sagas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.NoSuchSagaException;
import dev.allframe.SagaLogEntry;
import dev.allframe.SagaLogEntry.Action;
import dev.allframe.SagaLogEntry.Result;
import dev.allframe.SagaOrchestrator;
import dev.allframe.SagaOutcome;
import dev.allframe.SagaState;
import dev.allframe.StepFailure;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.eventstore.EventStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** {@code @SagaStep} beans in a CDI container with SmallRye Fault Tolerance guarding each step. */
class SagasOnCdiTest {

    private static final Transfer TEN = new Transfer("A", "B", 10);

    interface Scenario {
        void run(WeldContainer container, SagaOrchestrator sagas, Script script) throws Exception;
    }

    @Test
    void theStepBeansAreFoundAndRunInTheirOrder() throws Exception {
        deploy(Map.of(), (container, sagas, script) -> {
            SagaOutcome outcome = sagas.start("transfer", TEN);

            assertThat(outcome).isEqualTo(new SagaOutcome.Completed(outcome.sagaId()));
            assertThat(script.journal()).containsExactly("reserve 10", "debit A after R-A", "credit B attempt 1");
            assertThat(sagas.sagas()).containsExactly("refund", "transfer");
            assertThat(sagas.history(outcome.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::stepName,
                    SagaLogEntry::result).containsExactly(Tuple.tuple(1, "reserve", Result.SUCCEEDED),
                    Tuple.tuple(2, "Debit", Result.SUCCEEDED), Tuple.tuple(3, "Credit", Result.SUCCEEDED));
            EventStore store = container.select(EventStore.class).get();
            assertThat(store.readStream("A", 1, 10)).extracting(EventEnvelope::event).containsExactly(new Posted("A", -10));
            assertThat(store.readStream("B", 1, 10)).extracting(EventEnvelope::event).containsExactly(new Posted("B", 10));
            assertThat(store.readStream("A", 1, 10).get(0).correlationId()).isEqualTo(outcome.sagaId().toString());
        });
    }

    @Test
    void aFailedStepAndTheStepsBeforeItAreCompensatedInReverseEvenWhenACompensationFails() throws Exception {
        deploy(Map.of(), (container, sagas, script) -> {
            script.failCredit(1);
            script.failDebitCompensation();

            SagaOutcome outcome = sagas.start("transfer", TEN);

            assertThat(script.journal()).containsExactly("reserve 10", "debit A after R-A", "credit B attempt 1",
                    "take back B true", "refund A", "release R-A");
            SagaOutcome.FailedCompensation failed = (SagaOutcome.FailedCompensation) outcome;
            assertThat(failed.failure().message()).isEqualTo("AF1141: Step 3 'Credit' of saga 'transfer' ("
                    + outcome.sagaId() + ") failed: java.lang.IllegalStateException: account B is busy");
            assertThat(failed.compensationFailures()).extracting(StepFailure::step, StepFailure::message)
                    .containsExactly(Tuple.tuple(2, "AF1143: Compensating step 2 'Debit' of saga 'transfer' ("
                            + outcome.sagaId() + ") failed: java.lang.IllegalStateException: the ledger is closed"));
            assertThat(sagas.status(outcome.sagaId()).orElseThrow().state()).isEqualTo(SagaState.FAILED_COMPENSATION);
            assertThat(sagas.history(outcome.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                    SagaLogEntry::result).containsExactly(Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED),
                    Tuple.tuple(2, Action.EXECUTE, Result.SUCCEEDED), Tuple.tuple(3, Action.EXECUTE, Result.FAILED),
                    Tuple.tuple(3, Action.COMPENSATE, Result.SUCCEEDED), Tuple.tuple(2, Action.COMPENSATE, Result.FAILED),
                    Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED));
        });
    }

    @Test
    void aStepThatBlocksAndIgnoresInterruptsIsStoppedByItsFaultToleranceTimeout() throws Exception {
        deploy(Map.of(), (container, sagas, script) -> {
            script.blockCredit();

            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("transfer", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).as("@SagaStep(timeout = \"400ms\")").isBetween(400L, 2_400L);
            StepFailure failure = ((SagaOutcome.Compensated) outcome).failure();
            assertThat(failure.step()).isEqualTo(3);
            assertThat(failure.cause()).isInstanceOf(TimeoutException.class);
            assertThat(script.journal()).endsWith("take back B true", "refund A", "release R-A");
        });
    }

    @Test
    void theFaultToleranceKeyOfAStepOverridesItsTimeout() throws Exception {
        deploy(Map.of(Credit.class.getName() + "/execute/Timeout/value", "1500"), (container, sagas, script) -> {
            script.blockCredit();

            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("transfer", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).isBetween(1_500L, 3_500L);
            assertThat(((SagaOutcome.Compensated) outcome).failure().cause()).isInstanceOf(TimeoutException.class);
        });
    }

    @Test
    void stepsWithoutATimeoutOfTheirOwnGetTheConfiguredOne() throws Exception {
        deploy(Map.of("allframe.saga.step-timeout", "300ms"), (container, sagas, script) -> {
            script.blockDebit();

            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("transfer", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).isBetween(300L, 2_300L);
            assertThat(((SagaOutcome.Compensated) outcome).failure().step()).isEqualTo(2);
            assertThat(script.journal()).containsExactly("reserve 10", "refund A", "release R-A");
        });
    }

    @Test
    void retriesComeFromTheStepsFaultToleranceKeys() throws Exception {
        deploy(Map.of(Credit.class.getName() + "/execute/Retry/maxRetries", "2"), (container, sagas, script) -> {
            script.failCredit(2);

            SagaOutcome outcome = sagas.start("transfer", TEN);

            assertThat(outcome.state()).isEqualTo(SagaState.COMPLETED);
            assertThat(script.creditAttempts()).isEqualTo(3);
        });
        deploy(Map.of(), (container, sagas, script) -> {
            script.failCredit(2);

            assertThat(sagas.start("transfer", TEN).state()).isEqualTo(SagaState.COMPENSATED);
            assertThat(script.creditAttempts()).as("no retries unless configured").isEqualTo(1);
        });
    }

    @Test
    void aProducedDefinitionRunsWithItsOwnTimeouts() throws Exception {
        deploy(Map.of(), (container, sagas, script) -> {
            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("refund", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).isBetween(300L, 2_300L);
            assertThat(((SagaOutcome.Compensated) outcome).failure().cause())
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(script.journal()).containsExactly("note B", "wait", "undo wait", "undo note");
        });
    }

    @Test
    void anUnknownSagaIsAnErrorNamingTheSagas() throws Exception {
        deploy(Map.of(), (container, sagas, script) ->
                assertThatThrownBy(() -> sagas.start("payout", TEN)).isInstanceOf(NoSuchSagaException.class)
                        .hasMessage("AF1140: No saga is named 'payout'; sagas: refund, transfer"));
    }

    private static void deploy(Map<String, String> config, Scenario scenario) throws Exception {
        Map<String, String> properties = new HashMap<>(config);
        TestConfig.with(properties, () -> {
            try (WeldContainer container = Deployments.weldWithFaultTolerance(Script.class, Ledger.class, Reserve.class,
                    Debit.class, Credit.class, Refunds.class).initialize()) {
                Script script = container.select(Script.class).get();
                try {
                    scenario.run(container, container.select(SagaOrchestrator.class).get(), script);
                } finally {
                    script.release();
                }
                return null;
            }
        });
    }
}
