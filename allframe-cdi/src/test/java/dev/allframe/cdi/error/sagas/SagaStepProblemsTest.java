package dev.allframe.cdi.error.sagas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SagaStepProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.sagas.";

    @Test
    void everySagaStepProblemIsReportedAtOnce() {
        assertThat(Deployments.failure(Deployments.weldWithFaultTolerance(FirstPayment.class, SecondPayment.class,
                NotAStep.class, PackOne.class, PackTwo.class, SlowStep.class, ZeroStep.class, PerRequestStep.class))
                .problems()).map(String::valueOf).containsExactly(
                "AF1043: @SagaStep class " + PACKAGE + "PerRequestStep is @RequestScoped, but sagas run outside"
                        + " requests: make it @ApplicationScoped or @Dependent",
                "AF1041: @SagaStep class " + PACKAGE + "NotAStep (saga 'pay') does not implement dev.allframe.saga.Step",
                "AF1042: @SagaStep class " + PACKAGE + "SlowStep has timeout 'soon': expected a duration above 0 and up to 24h,"
                        + " such as 250ms, 2s, 5m or PT1S",
                "AF1044: @SagaStep class " + PACKAGE + "ZeroStep has order 0: orders start at 1",
                "AF1040: Saga 'pay' has 2 steps with order 1, it needs one step per order: " + PACKAGE
                        + "FirstPayment, " + PACKAGE + "SecondPayment",
                "AF1047: Saga 'ship' has 2 steps named 'pack', it needs unique step names: " + PACKAGE + "PackOne, "
                        + PACKAGE + "PackTwo");
    }

    @Test
    void badFaultToleranceKeysOfAStepFailTheDeployment() throws Exception {
        AllFrameDeploymentException failure = TestConfig.with(Map.of(
                PACKAGE + "PackOne/execute/Timeout/value", "soon",
                PACKAGE + "PackOne/execute/Retry/maxRetries", "-1"), () -> Deployments.failure(PackOne.class));

        assertThat(failure.problems()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value 'soon' of " + PACKAGE + "PackOne/execute/Timeout/value is invalid:"
                        + " expected a whole number above 0",
                "AF1010: Configuration value '-1' of " + PACKAGE + "PackOne/execute/Retry/maxRetries is invalid:"
                        + " expected a whole number, 0 or more");
    }
}
