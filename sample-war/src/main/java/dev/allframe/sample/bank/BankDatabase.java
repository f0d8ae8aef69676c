package dev.allframe.sample.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** Hands the bank's persistence unit to AllFrame's JPA store, which keeps the events in it. */
@ApplicationScoped
public class BankDatabase {

    @Produces
    @PersistenceUnit(unitName = "bank")
    EntityManagerFactory factory;
}
