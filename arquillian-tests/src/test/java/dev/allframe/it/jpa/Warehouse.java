package dev.allframe.it.jpa;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Application code that does its own JPA work and dispatches a command in one transaction, as a
 * {@code @Transactional} bean does: the events belong to that transaction.
 */
@ApplicationScoped
public class Warehouse {

    @Inject
    CommandBus commands;

    @PersistenceContext(unitName = "warehouse")
    EntityManager em;

    @Transactional
    public CommandResult receiveWithNote(Receive command, String note) {
        writeNote(command.sku(), note);
        return commands.dispatch(command);
    }

    /** Does the same, then fails: the transaction rolls back. */
    @Transactional
    public void receiveWithNoteThenFail(Receive command, String note) {
        writeNote(command.sku(), note);
        commands.dispatch(command);
        throw new IllegalStateException("the delivery note for " + command.sku() + " was refused");
    }

    private void writeNote(String sku, String note) {
        em.createNativeQuery("INSERT INTO warehouse_notes (sku, note) VALUES (?1, ?2)")
                .setParameter(1, sku).setParameter(2, note).executeUpdate();
    }
}
