package dev.allframe.jpa.restart;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;

/** The persistence unit a container's process opened: each container gets one of its own, on the same database. */
@Dependent
public class RestartDatabase {

    static volatile EntityManagerFactory opened;

    @Produces
    EntityManagerFactory factory() {
        return opened;
    }
}
