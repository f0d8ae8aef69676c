package dev.allframe.cdi.error.sagas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class SagaStepProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.sagas.";

    @Test
    void everySagaStepProblemIsReportedAtOnce() {
        assertThat(Deployments.failure(Deployments.weldWithFaultTolerance(FirstPayment.class, SecondPayment.class,
                NotAStep.class, PackOne.class, PackTwo.class, SlowStep.class, ZeroStep.class, PerRequestStep.class))
                .problems()).containsExactly(
                "AF1043: @SagaStep class " + PACKAGE + "PerRequestStep is @RequestScoped, but sagas run outside"
                        + " requests: make it @ApplicationScoped or @Dependent",
                "AF1041: @SagaStep class " + PACKAGE + "NotAStep (saga 'pay') does not implement dev.allframe.Step",
                "AF1042: @SagaStep class " + PACKAGE + "SlowStep has timeout 'soon': expected a positive duration"
                        + " such as 250ms, 2s, 5m or PT1S",
                "AF1044: @SagaStep class " + PACKAGE + "ZeroStep has order 0: orders start at 1",
                "AF1040: Saga 'pay' has 2 steps with order 1, it needs one step per order: " + PACKAGE
                        + "FirstPayment, " + PACKAGE + "SecondPayment",
                "AF1047: Saga 'ship' has 2 steps named 'pack', it needs unique step names: " + PACKAGE + "PackOne, "
                        + PACKAGE + "PackTwo");
    }
}
