package dev.allframe.jpa.payout;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;

/** The application's persistence unit: whichever the test sets. */
@Dependent
public class PayoutDatabase {

    static volatile EntityManagerFactory factory;

    @Produces
    EntityManagerFactory factory() {
        return factory;
    }
}
