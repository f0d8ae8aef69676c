package dev.allframe.cdi.error.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class BoundaryProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.boundaries.";

    @Test
    void everyDecisionModelProblemIsReported() {
        assertThat(Deployments.failure(BoundaryHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1082: @CommandHandler method " + PACKAGE + "BoundaryHandlers#a(Enrol, Seats, PlainState) takes"
                        + " decision models, but its parameter 3 (" + PACKAGE + "PlainState) is no @DecisionModel: a"
                        + " handler takes either one aggregate state or decision models",
                "AF1084: Decision model " + PACKAGE + "NeedsTeacher asks for the tag 'teacher', but command type "
                        + PACKAGE + "Enrol has no component tagged 'teacher' to read its value from (handler " + PACKAGE
                        + "BoundaryHandlers#b(Enrol, NeedsTeacher)): tag exactly one with @Tag(\"teacher\")",
                "AF1084: Decision model " + PACKAGE + "Seats asks for the tag 'course', but command type " + PACKAGE
                        + "Twice has 2 components (first, second) tagged 'course' to read its value from (handler "
                        + PACKAGE + "BoundaryHandlers#c(Twice, Seats)): tag exactly one with @Tag(\"course\")",
                "AF1083: Decision model " + PACKAGE + "NoApply of " + PACKAGE + "BoundaryHandlers#d(Enrol, NoApply)"
                        + " has no @Apply method, so no event could change the decision");
    }
}
