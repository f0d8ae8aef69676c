package dev.allframe.cdi.error.together;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllProblemsAtOnceTest {

    @Test
    void oneDeploymentFailureListsEveryProblem() throws Exception {
        AllFrameDeploymentException failure = TestConfig.with(Map.of("allframe.command.max-retries", "-2"),
                () -> Deployments.failure(ManyProblems.class));

        assertThat(failure.messageId()).isEqualTo("AF1000");
        assertThat(failure).hasMessage("""
                AF1000: AllFrame found 5 deployment problems:
                  AF1010: Configuration value '-2' of allframe.command.max-retries is invalid: expected a whole number from 0 to 100
                  AF1004: @CommandHandler method dev.allframe.cdi.error.together.ManyProblems#count(Move) must return void, a Collection of events or one event, but returns long
                  AF1050: @CommandHandler method dev.allframe.cdi.error.together.ManyProblems#move(Move, Object) returns java.util.List<java.lang.Object>, so the event classes it may store are not known at deployment: java.lang.Object may be any class; return a concrete class, a sealed type or a collection of either
                  AF1006: State type java.lang.Object of dev.allframe.cdi.error.together.ManyProblems#move(Move, Object) cannot be instantiated: give it a static @InitialState method or a no-argument constructor
                  AF1005: @CommandHandler method dev.allframe.cdi.error.together.ManyProblems#move(Move, Object) takes an aggregate state, but command type dev.allframe.cdi.error.together.Move has no @StreamId member to load it from""");
    }
}
