package dev.allframe.cdi.error.typed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class TypedHandlersTest {

    @Test
    void aHandlerBeanMustKeepItsClassAmongItsTypes() {
        assertThat(Deployments.failure(TypedHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1021: Bean dev.allframe.cdi.error.typed.TypedHandlers declares handler methods, but its bean types"
                        + " (@Typed) exclude its own class");
    }
}
