package dev.allframe.jpa.cdi;

import dev.allframe.jpa.TestDatabase;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;

/** The application's persistence unit, as a server application would produce it with @PersistenceUnit. */
@Dependent
public class SharedFactoryProducer {

    @Produces
    EntityManagerFactory factory() {
        return TestDatabase.H2.factory();
    }
}
