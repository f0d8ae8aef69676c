package dev.allframe.cdi.error.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class ProjectionProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.projections.";

    @Test
    void everyProjectionProblemIsReportedAtOnce() {
        assertThat(Deployments.failure(FirstBalances.class, SecondBalances.class, BrokenHandlers.class, Empty.class,
                PerRequest.class).problems()).map(String::valueOf).containsExactly(
                "AF1030: Projection 'per-request' (" + PACKAGE + "PerRequest) is @RequestScoped, but projections run"
                        + " outside requests: make it @ApplicationScoped or @Dependent",
                "AF1025: Projection name 'balances' is used by 2 beans, it needs exactly one: " + PACKAGE
                        + "FirstBalances, " + PACKAGE + "SecondBalances",
                "AF1026: Projection 'broken' handler " + PACKAGE + "BrokenHandlers#on() takes no event: an"
                        + " @EventHandler method takes the event and optionally its EventEnvelope",
                "AF1061: Projection 'broken' method " + PACKAGE + "BrokenHandlers#on(Opened, EventEnvelope, String) is"
                        + " named like a handler, but is not annotated @EventHandler: annotate it, or rename it if it"
                        + " is no handler",
                "AF1028: Projection 'broken' handler " + PACKAGE + "BrokenHandlers#on(Opened, String) must take the"
                        + " event and optionally its EventEnvelope, nothing else",
                "AF1027: Projection 'broken' has 2 handlers for " + PACKAGE + "Opened, it needs at most one: "
                        + PACKAGE + "BrokenHandlers#on(Opened), " + PACKAGE + "BrokenHandlers#whenOpened(Opened, EventEnvelope)",
                "AF1029: Projection 'empty' (" + PACKAGE + "Empty) has no @EventHandler methods");
    }
}
