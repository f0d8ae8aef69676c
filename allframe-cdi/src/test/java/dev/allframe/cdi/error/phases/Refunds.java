package dev.allframe.cdi.error.phases;

import dev.allframe.saga.SagaDefinition;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/** Two definitions of one saga name, found only once the container runs. */
@Dependent
public class Refunds {

    @Produces
    @Named("first")
    SagaDefinition<String> first() {
        return SagaDefinition.<String>named("refund").step("once", new Nothing());
    }

    @Produces
    @Named("second")
    SagaDefinition<String> second() {
        return SagaDefinition.<String>named("refund").step("twice", new Nothing());
    }
}
