package dev.allframe.core.message;

import static dev.allframe.AllFrameMessage.describe;
import static dev.allframe.core.message.Texts.list;
import static dev.allframe.core.message.Texts.listOrNone;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;
import java.util.UUID;

/** Sagas: deployment problems, step and compensation failures, leases and recovery. */
public final class SagaMessages {

    static final MessageTemplate AF1040 = new MessageTemplate("AF1040",
            "Saga '%s' has %s steps with order %s, it needs one step per order: %s");
    static final MessageTemplate AF1041 = new MessageTemplate("AF1041",
            "@SagaStep class %s (saga '%s') does not implement dev.allframe.saga.Step");
    static final MessageTemplate AF1042 = new MessageTemplate("AF1042",
            "@SagaStep class %s has timeout '%s': expected a duration above 0 and up to 24h, such as 250ms, 2s, 5m or PT1S");
    static final MessageTemplate AF1043 = new MessageTemplate("AF1043",
            "@SagaStep class %s is @%s, but sagas run outside requests: make it @ApplicationScoped or @Dependent");
    static final MessageTemplate AF1044 = new MessageTemplate("AF1044",
            "@SagaStep class %s has order %s: orders start at 1");
    static final MessageTemplate AF1045 = new MessageTemplate("AF1045",
            "Saga name '%s' is defined %s times, it needs exactly one definition: %s");
    static final MessageTemplate AF1047 = new MessageTemplate("AF1047",
            "Saga '%s' has %s steps named '%s', it needs unique step names: %s");
    static final MessageTemplate AF1048 = new MessageTemplate("AF1048",
            "Saga '%s' (%s) has no steps");
    static final MessageTemplate AF1140 = new MessageTemplate("AF1140",
            "No saga is named '%s'; sagas: %s");
    static final MessageTemplate AF1141 = new MessageTemplate("AF1141",
            "Step %s '%s' of saga '%s' (%s) failed: %s");
    static final MessageTemplate AF1142 = new MessageTemplate("AF1142",
            "Step %s '%s' of saga '%s' (%s) was running when its process stopped; the saga is compensated from"
            + " this step");
    static final MessageTemplate AF1143 = new MessageTemplate("AF1143",
            "Compensating step %s '%s' of saga '%s' (%s) failed: %s");
    static final MessageTemplate AF1145 = new MessageTemplate("AF1145",
            "Saga '%s' (%s) was interrupted while it ran; it stays unfinished and is compensated once its lease"
            + " runs out");
    static final MessageTemplate AF1146 = new MessageTemplate("AF1146",
            "Step %s returned no CompletionStage from execute");
    static final MessageTemplate AF1147 = new MessageTemplate("AF1147",
            "Saga %s is unfinished, but this application defines no saga '%s'; it is left as it is");
    static final MessageTemplate AF1148 = new MessageTemplate("AF1148",
            "Recovering saga '%s' (%s), left %s at step %s by a stopped process: compensating");
    static final MessageTemplate AF1149 = new MessageTemplate("AF1149",
            "The saga store failed while %s; AllFrame tries again");
    static final MessageTemplate AF1150 = new MessageTemplate("AF1150",
            "Saga '%s' (%s) stopped before its first step; nothing to compensate");
    static final MessageTemplate AF1151 = new MessageTemplate("AF1151",
            "Saga '%s' needs an input, but got null");
    static final MessageTemplate AF1152 = new MessageTemplate("AF1152",
            "Step %s did not finish within %s ms");
    static final MessageTemplate AF1153 = new MessageTemplate("AF1153",
            "The compensation of step %s did not finish within %s ms");
    static final MessageTemplate AF1154 = new MessageTemplate("AF1154",
            "The server has no %s: sagas run on AllFrame's own threads, on which the server may give steps none of"
            + " the application's context (a step dispatching a command can fail then); on Open Liberty enable"
            + " the concurrent-3.0 feature");
    static final MessageTemplate AF1182 = new MessageTemplate("AF1182",
            "Step %s '%s' of saga '%s' (%s) asked for its execution's events while it executes: only its"
            + " compensation knows them");
    static final MessageTemplate AF1183 = new MessageTemplate("AF1183",
            "Closing the execution of step %s '%s' of saga '%s' (%s) before its compensation failed: %s; the"
            + " compensation did not run");

    private SagaMessages() {
    }

    public static AllFrameMessage duplicateStepOrder(String saga, int order, Collection<String> steps) {
        return AF1040.with(saga, steps.size(), order, list(steps));
    }

    public static AllFrameMessage notAStep(Class<?> beanClass, String saga) {
        return AF1041.with(beanClass.getName(), saga);
    }

    public static AllFrameMessage badStepTimeout(Class<?> beanClass, String value) {
        return AF1042.with(beanClass.getName(), value);
    }

    public static AllFrameMessage sagaStepScope(Class<?> beanClass, String scope) {
        return AF1043.with(beanClass.getName(), scope);
    }

    public static AllFrameMessage badStepOrder(Class<?> beanClass, int order) {
        return AF1044.with(beanClass.getName(), order);
    }

    public static AllFrameMessage duplicateSaga(String saga, Collection<String> definitions) {
        return AF1045.with(saga, definitions.size(), list(definitions));
    }

    public static AllFrameMessage duplicateStepName(String saga, String step, Collection<String> sites) {
        return AF1047.with(saga, sites.size(), step, list(sites));
    }

    public static AllFrameMessage emptySaga(String saga, String site) {
        return AF1048.with(saga, site);
    }

    public static AllFrameMessage noSuchSaga(String name, Collection<String> known) {
        return AF1140.with(name, listOrNone(known));
    }

    public static AllFrameMessage stepFailed(String saga, Object sagaId, int step, String stepName, Throwable cause) {
        return AF1141.with(step, stepName, saga, sagaId, describe(cause));
    }

    public static AllFrameMessage stepInterrupted(String saga, Object sagaId, int step, String stepName) {
        return AF1142.with(step, stepName, saga, sagaId);
    }

    public static AllFrameMessage compensationFailed(String saga, Object sagaId, int step, String stepName,
                                                     Throwable cause) {
        return AF1143.with(step, stepName, saga, sagaId, describe(cause));
    }

    public static AllFrameMessage sagaInterrupted(String saga, Object sagaId) {
        return AF1145.with(saga, sagaId);
    }

    public static AllFrameMessage nullStepStage(String site) {
        return AF1146.with(site);
    }

    public static AllFrameMessage unknownSagaToRecover(String saga, Object sagaId) {
        return AF1147.with(sagaId, saga);
    }

    public static AllFrameMessage sagaRecovered(String saga, Object sagaId, String state, int step) {
        return AF1148.with(saga, sagaId, state, step);
    }

    public static AllFrameMessage sagaStoreFailed(String work) {
        return AF1149.with(work);
    }

    public static AllFrameMessage stoppedBeforeFirstStep(String saga, Object sagaId) {
        return AF1150.with(saga, sagaId);
    }

    public static AllFrameMessage nullSagaInput(String saga) {
        return AF1151.with(saga);
    }

    public static AllFrameMessage stepTimedOut(String site, long millis) {
        return AF1152.with(site, millis);
    }

    public static AllFrameMessage compensationTimedOut(String site, long millis) {
        return AF1153.with(site, millis);
    }

    public static AllFrameMessage sagasWithoutManagedExecutor(String executor) {
        return AF1154.with(executor);
    }

    public static AllFrameMessage executionEventsWhileExecuting(String saga, UUID sagaId, int step, String stepName) {
        return AF1182.with(step, stepName, saga, sagaId);
    }

    public static AllFrameMessage closingExecutionFailed(String saga, UUID sagaId, int step, String stepName,
                                                         Throwable cause) {
        return AF1183.with(step, stepName, saga, sagaId, describe(cause));
    }
}
