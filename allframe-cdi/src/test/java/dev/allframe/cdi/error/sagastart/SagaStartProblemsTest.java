package dev.allframe.cdi.error.sagastart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

/** Problems found once the container runs: produced definitions, and Fault Tolerance that does not guard steps. */
class SagaStartProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.sagastart.";

    @Test
    void producedDefinitionsAreCheckedAgainstTheStepBeans() {
        assertThat(Deployments.failure(Deployments.weldWithFaultTolerance(Refund.class, GuardedRefund.class,
                Definitions.class, EmptyDefinition.class)).problems()).containsExactly(
                "AF1048: Saga 'nothing' (SagaDefinition produced by " + PACKAGE + "EmptyDefinition) has no steps",
                "AF1045: Saga name 'refund' is defined 2 times, it needs exactly one definition: @SagaStep beans "
                        + PACKAGE + "Refund, " + PACKAGE + "GuardedRefund, SagaDefinition produced by " + PACKAGE
                        + "Definitions");
    }

    @Test
    void stepsFaultToleranceDoesNotGuardFailTheDeployment() {
        assertThat(Deployments.failure(Refund.class, GuardedRefund.class).problems()).containsExactly(
                "AF1046: MicroProfile Fault Tolerance does not guard saga steps here, so their timeouts could not stop"
                        + " a step that blocks: enable an implementation (Liberty's mpFaultTolerance-4.0, or SmallRye"
                        + " Fault Tolerance), or, where it reads only annotations in the class files, annotate execute"
                        + " with @Asynchronous and @Timeout in: " + PACKAGE + "Refund");
    }
}
