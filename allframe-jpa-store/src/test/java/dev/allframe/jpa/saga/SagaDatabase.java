package dev.allframe.jpa.saga;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;

/** The application's persistence unit: whichever the test or the process sets. */
@Dependent
public class SagaDatabase {

    static volatile EntityManagerFactory factory;

    @Produces
    EntityManagerFactory factory() {
        return factory;
    }
}
