package dev.allframe.it.boundaries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** The application's persistence unit as a CDI bean: the JPA store keeps its events in it. */
@ApplicationScoped
public class BoundaryPersistence {

    @Produces
    @PersistenceUnit(unitName = "boundaries")
    EntityManagerFactory factory;
}
