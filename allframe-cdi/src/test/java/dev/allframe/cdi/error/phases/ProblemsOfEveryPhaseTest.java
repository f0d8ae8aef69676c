package dev.allframe.cdi.error.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

/**
 * A problem found while the beans are discovered does not hide those that can only be found once the container
 * runs (produced saga definitions): one exception lists both.
 */
class ProblemsOfEveryPhaseTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.phases.";

    @Test
    void aDuplicateHandlerAndTwoProducedSagasOfOneNameAreReportedTogether() {
        assertThat(Deployments.failure(Deployments.weldWithFaultTolerance(PayHandlers.class, Refunds.class))
                .problems()).map(String::valueOf).containsExactly(
                "AF1001: Command type " + PACKAGE + "Pay has 2 handlers, it needs exactly one: " + PACKAGE
                        + "PayHandlers#pay(Pay), " + PACKAGE + "PayHandlers#payAgain(Pay)",
                "AF1045: Saga name 'refund' is defined 2 times, it needs exactly one definition: SagaDefinition"
                        + " produced by " + PACKAGE + "Refunds, SagaDefinition produced by " + PACKAGE + "Refunds");
    }
}
