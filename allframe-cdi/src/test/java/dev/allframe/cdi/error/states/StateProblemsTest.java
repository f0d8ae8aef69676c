package dev.allframe.cdi.error.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class StateProblemsTest {

    private static final String PACKAGE = "dev.allframe.cdi.error.states.";

    @Test
    void everyStateTypeProblemIsReported() {
        assertThat(Deployments.failure(StateHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1006: State type " + PACKAGE + "NoWayToStart of " + PACKAGE + "StateHandlers#a(Command, NoWayToStart)"
                        + " cannot be instantiated: give it a static @InitialState method or a no-argument constructor",
                "AF1008: @Apply method " + PACKAGE + "BadMethods#staticApply(Event) must be an instance method taking"
                        + " one event and returning void or " + PACKAGE + "BadMethods",
                "AF1008: @Apply method " + PACKAGE + "BadMethods#wrongReturn(Event) must be an instance method taking"
                        + " one event and returning void or " + PACKAGE + "BadMethods",
                "AF1015: State type " + PACKAGE + "BadMethods has 2 @Apply methods for " + PACKAGE + "Event, it needs at"
                        + " most one: " + PACKAGE + "BadMethods#first(Event), " + PACKAGE + "BadMethods#second(Event)",
                "AF1007: @InitialState method " + PACKAGE + "BadMethods#notStatic() must be static, take no parameters"
                        + " and return " + PACKAGE + "BadMethods",
                "AF1022: State type " + PACKAGE + "TwoStarts has 2 @InitialState methods, it needs at most one: "
                        + PACKAGE + "TwoStarts#one(), " + PACKAGE + "TwoStarts#zero()",
                "AF1020: @CommandHandler(createsStream = true) method " + PACKAGE + "StateHandlers#d(Command, Good)"
                        + " takes an aggregate state; a stateful handler already expects the version it loaded",
                "AF1006: State type int of " + PACKAGE + "StateHandlers#e(Command, int) cannot be instantiated: give it"
                        + " a static @InitialState method or a no-argument constructor",
                "AF1062: @StateVersion(0) on state type " + PACKAGE + "ZeroVersion: a state version is 1 or more");
    }
}
