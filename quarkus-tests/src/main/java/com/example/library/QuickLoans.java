package com.example.library;

import dev.allframe.saga.SagaDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/** The same two steps as a saga defined in code, with a shorter bound on the second. */
@ApplicationScoped
public class QuickLoans {

    @Produces
    SagaDefinition<TwoBooks> quick(LendFirst first, LendSecond second) {
        return SagaDefinition.<TwoBooks>named("quick-lend-two")
                .step("first", first)
                .step("second", second, Duration.ofSeconds(5));
    }
}
