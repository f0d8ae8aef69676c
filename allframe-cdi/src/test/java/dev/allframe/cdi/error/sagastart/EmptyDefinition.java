package dev.allframe.cdi.error.sagastart;

import dev.allframe.saga.SagaDefinition;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

@Dependent
public class EmptyDefinition {

    @Produces
    SagaDefinition<String> nothing() {
        return SagaDefinition.named("nothing");
    }
}
