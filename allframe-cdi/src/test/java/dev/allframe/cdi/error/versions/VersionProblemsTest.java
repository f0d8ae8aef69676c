package dev.allframe.cdi.error.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class VersionProblemsTest {

    private static final String P = "dev.allframe.cdi.error.versions.";

    @Test
    void everyUpcasterProblemIsReportedAtOnce() {
        assertThat(Deployments.failure(NewestClasses.class, BadUpcasters.class).problems()).map(String::valueOf).containsExactly(
                "AF1034: Upcaster " + P + "BadUpcasters#notAnEvent(Object) must turn one event class into another,"
                        + " but turns java.lang.Object into java.lang.String",
                "AF1035: Upcaster " + P + "BadUpcasters#rename(Fork1) turns 'Fork' into 'Other'; an upcaster keeps"
                        + " the type name and raises the version",
                "AF1038: @JsonUpcaster method " + P + "BadUpcasters#textNotJson(String) must be an instance method"
                        + " taking and returning a jakarta.json.JsonObject",
                "AF1037: @Upcaster method " + P + "BadUpcasters#twoParameters(Fork1, String) must be an instance"
                        + " method, neither private nor generic, taking one event",
                "AF1036: Event class " + P + "Broken2 declares @UpcastFrom(Fork1.class), but has no public"
                        + " constructor or public static from method taking a " + P + "Fork1",
                "AF1031: Event 'Fork' version 1 has 2 upcasters, it needs at most one: " + P
                        + "BadUpcasters#first(Fork1), " + P + "BadUpcasters#second(Fork1)",
                "AF1039: Event 'Ghost' has upcasters, but no event class has that name",
                "AF1032: Upcasters of 'Loop' go round in a cycle: 1 -> 2 -> 3 -> 1 (" + P + "BadUpcasters#up(Loop1), "
                        + P + "BadUpcasters#upAgain(Loop2), " + P + "BadUpcasters#round(Loop3))",
                "AF1033: Event 'Gap' version 1 has no upcaster path to the newest version 3: 1 -> 2 and no upcaster"
                        + " leaves version 2",
                "AF1033: Event 'Gap' version 2 has no upcaster path to the newest version 3: 2 and no upcaster leaves"
                        + " version 2");
    }
}
