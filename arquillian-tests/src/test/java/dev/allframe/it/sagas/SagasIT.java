package dev.allframe.it.sagas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.it.Deployments;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStatus;
import dev.allframe.saga.StepFailure;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sagas on Open Liberty with its Fault Tolerance feature enabled: steps in order, reverse compensation, and
 * timeouts that bound a step blocking and ignoring interrupts, from {@code @SagaStep(timeout)} and from the
 * step's Fault Tolerance key in the WAR's configuration; Fault Tolerance annotations a step's class file
 * carries still work inside its timeout. The sagas and their histories are kept by the JPA
 * store in the application's JTA persistence unit (Hibernate in the WAR, H2 behind the server's data source).
 * The tests run inside the server; each uses inputs of its own.
 */
@ExtendWith(ArquillianExtension.class)
class SagasIT {

    private static final String PACKAGE = "dev.allframe.it.sagas.";

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.withJpaStore(Deployments.application("sagas"))
                .addClasses(Booking.class, ReserveSeat.class, ChargeCard.class, FileRequest.class, AwaitApproval.class,
                        AwaitCourier.class, AwaitSignature.class, CallBack.class, Journal.class, Gate.class, SagaPersistence.class, SagaTables.class)
                .addAsResource("dev/allframe/it/sagas/persistence.xml", "META-INF/persistence.xml");
        return Deployments.withConfig(war, """
                allframe.event-store=jpa
                allframe.jpa.create-schema=true
                dev.allframe.it.sagas.AwaitCourier/execute/Timeout/value=800
                dev.allframe.it.sagas.CallBack/execute/Retry/maxRetries=1
                """);
    }

    @Inject
    SagaOrchestrator sagas;

    @Inject
    Journal journal;

    @Inject
    Gate gate;

    @Inject
    SagaTables tables;

    @AfterEach
    void openTheGate() {
        gate.open();
    }

    @Test
    void aTwoStepSagaCompletesAndItsStateAndHistoryAreStored() {
        SagaOutcome outcome = sagas.start("booking", new Booking("completed-1", false));

        assertEquals(new SagaOutcome.Completed(outcome.sagaId()), outcome);
        assertEquals(List.of("reserve seat", "charge card for seat-completed-1"), journal.entries("completed-1"));
        SagaStatus status = sagas.status(outcome.sagaId()).orElseThrow();
        assertEquals(List.of("booking", SagaState.COMPLETED, 2, 2, 0), List.of(status.saga(), status.state(),
                status.currentStep(), status.steps(), status.failedStep()));
        assertEquals(List.of(
                List.of(1, "ReserveSeat", Action.EXECUTE, Result.SUCCEEDED),
                List.of(2, "ChargeCard", Action.EXECUTE, Result.SUCCEEDED)), history(outcome.sagaId()));
        assertEquals(List.of(List.of("booking", "COMPLETED", 2L, 0L)), tables.saga(outcome.sagaId()));
        assertEquals(List.of(List.of(1L, "EXECUTE", "SUCCEEDED"), List.of(2L, "EXECUTE", "SUCCEEDED")),
                tables.steps(outcome.sagaId()));
    }

    @Test
    void aFailingStepIsCompensatedAndThenTheStepsBeforeItInReverseOrder() {
        SagaOutcome outcome = sagas.start("booking", new Booking("declined-1", true));

        StepFailure failure = assertInstanceOf(SagaOutcome.Compensated.class, outcome).failure();
        String message = "AF1141: Step 2 'ChargeCard' of saga 'booking' (" + outcome.sagaId()
                + ") failed: java.lang.IllegalStateException: card declined for declined-1";
        assertEquals(List.of(2, "ChargeCard", message), List.of(failure.step(), failure.stepName(), failure.message()));
        assertEquals(List.of("reserve seat", "charge card for seat-declined-1", "refund card", "release seat-declined-1"),
                journal.entries("declined-1"));
        SagaStatus status = sagas.status(outcome.sagaId()).orElseThrow();
        assertEquals(List.of(SagaState.COMPENSATED, 2, message), List.of(status.state(), status.failedStep(),
                status.failure()));
        assertEquals(List.of(
                List.of(1, "ReserveSeat", Action.EXECUTE, Result.SUCCEEDED),
                List.of(2, "ChargeCard", Action.EXECUTE, Result.FAILED),
                List.of(2, "ChargeCard", Action.COMPENSATE, Result.SUCCEEDED),
                List.of(1, "ReserveSeat", Action.COMPENSATE, Result.SUCCEEDED)), history(outcome.sagaId()));
        assertEquals(message, sagas.history(outcome.sagaId()).get(1).error());
        assertEquals(List.of(List.of("booking", "COMPENSATED", 1L, 2L)), tables.saga(outcome.sagaId()));
        assertEquals(List.of(List.of(1L, "EXECUTE", "SUCCEEDED"), List.of(2L, "EXECUTE", "FAILED"),
                List.of(2L, "COMPENSATE", "SUCCEEDED"), List.of(1L, "COMPENSATE", "SUCCEEDED")),
                tables.steps(outcome.sagaId()));
    }

    @Test
    void aStepThatBlocksAndIgnoresInterruptsIsStoppedByItsTimeout() {
        gate.close();

        long start = System.nanoTime();
        SagaOutcome outcome = sagas.start("approval", "blocked-1");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis >= 500 && millis < 2_500, () -> "@SagaStep(timeout = \"500ms\"), the saga took " + millis + " ms");
        StepFailure failure = assertInstanceOf(SagaOutcome.Compensated.class, outcome).failure();
        assertEquals(2, failure.step());
        assertInstanceOf(TimeoutException.class, failure.cause());
        assertEquals("AF1141: Step 2 'AwaitApproval' of saga 'approval' (" + outcome.sagaId() + ") failed:"
                + " java.util.concurrent.TimeoutException: AF1152: Step " + PACKAGE + "AwaitApproval did not finish"
                + " within 500 ms", failure.message());
        assertEquals(List.of("file request", "await approval", "withdraw approval request", "cancel request"),
                journal.entries("blocked-1"));
        assertEquals(List.of(
                List.of(1, "FileRequest", Action.EXECUTE, Result.SUCCEEDED),
                List.of(2, "AwaitApproval", Action.EXECUTE, Result.FAILED),
                List.of(2, "AwaitApproval", Action.COMPENSATE, Result.SUCCEEDED),
                List.of(1, "FileRequest", Action.COMPENSATE, Result.SUCCEEDED)), history(outcome.sagaId()));
    }

    @Test
    void theStepsFaultToleranceKeyInTheWarsConfigurationOverridesItsTimeout() {
        gate.close();

        long start = System.nanoTime();
        SagaOutcome outcome = sagas.start("courier", "courier-1");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis >= 800 && millis < 2_800, () -> "Timeout/value=800 instead of a minute, the saga took "
                + millis + " ms");
        StepFailure failure = assertInstanceOf(SagaOutcome.Compensated.class, outcome).failure();
        assertEquals("java.util.concurrent.TimeoutException: AF1152: Step " + PACKAGE + "AwaitCourier did not finish"
                + " within 800 ms", failure.cause().toString());
        assertEquals(List.of("await courier", "cancel courier"), journal.entries("courier-1"));
        assertEquals(SagaState.COMPENSATED, sagas.status(outcome.sagaId()).orElseThrow().state());
    }

    @Test
    void faultToleranceAnnotationsInTheStepsClassFileStillApplyInsideItsTimeout() {
        gate.close();

        long start = System.nanoTime();
        SagaOutcome outcome = sagas.start("signature", "signature-1");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis >= 600 && millis < 2_600, () -> "@Timeout(600) on execute, the saga took " + millis + " ms");
        StepFailure failure = assertInstanceOf(SagaOutcome.Compensated.class, outcome).failure();
        assertInstanceOf(org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class, failure.cause());
        assertEquals(List.of("await signature", "void contract"), journal.entries("signature-1"));
    }

    @Test
    void aRetryAfterATimeoutRunsWithTheApplicationsContext() {
        gate.close();

        SagaOutcome outcome = sagas.start("callback", "callback-1");

        assertEquals(new SagaOutcome.Completed(outcome.sagaId()), outcome);
        assertEquals(List.of("attempt 1", "attempt 2", "found the managed executor"), journal.entries("callback-1"));
    }

    private List<List<Object>> history(UUID sagaId) {
        return sagas.history(sagaId).stream().map(entry -> List.<Object>of(entry.step(), entry.stepName(),
                entry.action(), entry.result())).toList();
    }
}
