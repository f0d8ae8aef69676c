package dev.allframe.cdi.error.sagastart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

/** Problems found once the container runs: produced definitions against the step beans. */
class SagaStartProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.sagastart.";

    @Test
    void producedDefinitionsAreCheckedAgainstTheStepBeans() {
        assertThat(Deployments.failure(Deployments.weldWithFaultTolerance(Refund.class, GuardedRefund.class,
                Definitions.class, EmptyDefinition.class)).problems()).map(String::valueOf).containsExactly(
                "AF1048: Saga 'nothing' (SagaDefinition produced by " + PACKAGE + "EmptyDefinition) has no steps",
                "AF1045: Saga name 'refund' is defined 2 times, it needs exactly one definition: @SagaStep beans "
                        + PACKAGE + "Refund, " + PACKAGE + "GuardedRefund, SagaDefinition produced by " + PACKAGE
                        + "Definitions");
    }
}
