package dev.allframe.it.sagas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** The application's persistence unit as a CDI bean: the JPA store keeps the sagas in it. */
@ApplicationScoped
public class SagaPersistence {

    @Produces
    @PersistenceUnit(unitName = "sagas")
    EntityManagerFactory factory;
}
