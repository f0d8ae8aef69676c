package dev.allframe.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.InitialState;
import dev.allframe.core.Problems;
import org.junit.jupiter.api.Test;

class InitialStateFailureTest {

    record Ledger(int entries) {
        @InitialState
        static Ledger open() {
            throw new IllegalStateException("no ledger template");
        }
    }

    @Test
    void aFailingInitialStateNamesItsMethodAndTheCause() {
        Problems problems = new Problems();
        StateModel model = StateModelInspector.inspect(Ledger.class, "handler", problems).orElseThrow();
        assertThat(problems.messages()).isEmpty();

        assertThatThrownBy(model::initial)
                .isInstanceOf(HandlerFailedException.class)
                .hasMessage("AF1112: Creating the initial state with"
                        + " dev.allframe.core.handler.InitialStateFailureTest$Ledger#open() failed:"
                        + " java.lang.IllegalStateException: no ledger template")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
