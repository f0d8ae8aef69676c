package dev.allframe.cdi.error.sagastart;

import dev.allframe.saga.SagaDefinition;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

@Dependent
public class Definitions {

    @Produces
    SagaDefinition<String> refund() {
        return SagaDefinition.<String>named("refund").step("again", new Refund());
    }
}
