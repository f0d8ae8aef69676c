package dev.allframe.liberty.feature.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** The application's persistence unit as a CDI bean: the JPA store keeps its events in it. */
@ApplicationScoped
public class LedgerPersistence {

    @Produces
    @PersistenceUnit(unitName = "ledger")
    EntityManagerFactory factory;
}
