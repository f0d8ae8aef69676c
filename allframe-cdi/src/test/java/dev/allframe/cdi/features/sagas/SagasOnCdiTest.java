package dev.allframe.cdi.features.sagas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.saga.NoSuchSagaException;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.StepFailure;
import dev.allframe.spi.event.EventStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.groups.Tuple;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @SagaStep} beans in a CDI container, AllFrame bounding each step: the same with SmallRye Fault Tolerance
 * in the container as without any Fault Tolerance implementation (as on a server whose Fault Tolerance does not
 * see annotations an extension adds).
 */
class SagasOnCdiTest {

    private static final Transfer TEN = new Transfer("A", "B", 10);
    private static final String PACKAGE = "dev.allframe.cdi.features.sagas.";

    enum Container {
        WITHOUT_FAULT_TOLERANCE, WITH_SMALLRYE_FAULT_TOLERANCE
    }

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

    @ParameterizedTest
    @EnumSource(Container.class)
    void aStepThatBlocksAndIgnoresInterruptsIsStoppedByItsTimeout(Container kind) throws Exception {
        deploy(kind, Map.of(), (container, sagas, script) -> {
            script.blockCredit();

            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("transfer", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).as("@SagaStep(timeout = \"400ms\")").isGreaterThanOrEqualTo(400L);
            StepFailure failure = ((SagaOutcome.Compensated) outcome).failure();
            assertThat(failure.step()).isEqualTo(3);
            assertThat(failure.cause()).isInstanceOf(TimeoutException.class)
                    .hasMessage("AF1152: Step " + PACKAGE + "Credit did not finish within 400 ms");
            assertThat(failure.message()).isEqualTo("AF1141: Step 3 'Credit' of saga 'transfer' (" + outcome.sagaId()
                    + ") failed: java.util.concurrent.TimeoutException: AF1152: Step " + PACKAGE
                    + "Credit did not finish within 400 ms");
            assertThat(script.journal()).endsWith("take back B true", "refund A", "release R-A");
        });
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theFaultToleranceKeyOfAStepOverridesItsTimeout(Container kind) throws Exception {
        deploy(kind, Map.of(Credit.class.getName() + "/execute/Timeout/value", "1500"), (container, sagas, script) -> {
            script.blockCredit();

            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("transfer", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).as("waited for the key's timeout, not the step's own").isGreaterThanOrEqualTo(1_500L);
            assertThat(((SagaOutcome.Compensated) outcome).failure().cause()).isInstanceOf(TimeoutException.class)
                    .hasMessage("AF1152: Step " + PACKAGE + "Credit did not finish within 1500 ms");
        });
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void stepsWithoutATimeoutOfTheirOwnGetTheConfiguredOne(Container kind) throws Exception {
        deploy(kind, Map.of("allframe.saga.step-timeout", "300ms"), (container, sagas, script) -> {
            script.blockDebit();

            long start = System.nanoTime();
            SagaOutcome outcome = sagas.start("transfer", TEN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).isGreaterThanOrEqualTo(300L);
            StepFailure failure = ((SagaOutcome.Compensated) outcome).failure();
            assertThat(failure.step()).isEqualTo(2);
            assertThat(failure.cause()).hasMessage("AF1152: Step " + PACKAGE + "Debit did not finish within 300 ms");
            assertThat(script.journal()).containsExactly("reserve 10", "refund A", "release R-A");
        });
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void retriesComeFromTheStepsFaultToleranceKeys(Container kind) throws Exception {
        deploy(kind, Map.of(Credit.class.getName() + "/execute/Retry/maxRetries", "2"), (container, sagas, script) -> {
            script.failCredit(2);

            SagaOutcome outcome = sagas.start("transfer", TEN);

            assertThat(outcome.state()).isEqualTo(SagaState.COMPLETED);
            assertThat(script.creditAttempts()).isEqualTo(3);
        });
        deploy(kind, Map.of(), (container, sagas, script) -> {
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

            assertThat(millis).isGreaterThanOrEqualTo(300L);
            assertThat(((SagaOutcome.Compensated) outcome).failure().cause()).isInstanceOf(TimeoutException.class);
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
        deploy(Container.WITH_SMALLRYE_FAULT_TOLERANCE, config, scenario);
    }

    private static void deploy(Container kind, Map<String, String> config, Scenario scenario) throws Exception {
        Map<String, String> properties = new HashMap<>(config);
        Class<?>[] beans = {Script.class, Ledger.class, Reserve.class, Debit.class, Credit.class, Refunds.class};
        TestConfig.with(properties, () -> {
            try (WeldContainer container = (kind == Container.WITH_SMALLRYE_FAULT_TOLERANCE
                    ? Deployments.weldWithFaultTolerance(beans) : Deployments.weld(beans)).initialize()) {
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
