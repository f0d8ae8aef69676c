package dev.allframe.it.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.it.Deployments;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * States kept between commands (on by default) under JTA on Liberty: a state folded inside a transaction from its own,
 * uncommitted events is not used once that transaction rolled back; a state folded on with the events of a command
 * committed in its own transaction is used without reading, and a command in a caller's transaction never moves it on.
 */
@ExtendWith(ArquillianExtension.class)
class KeptStatesIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.withJpaStore(Deployments.application("kept-states"))
                .addClasses(Receive.class, Ship.class, Received.class, Shipped.class, Stock.class,
                        StockHandlers.class, WarehousePersistence.class, WarehouseTables.class)
                .addAsResource("dev/allframe/it/jpa/persistence.xml", "META-INF/persistence.xml");
        return Deployments.withConfig(war, """
                allframe.event-store=jpa
                allframe.jpa.create-schema=true
                """);
    }

    @Inject
    CommandBus commands;

    @Inject
    UserTransaction transaction;

    @Inject
    WarehouseTables tables;

    @Test
    void aStateFoldedFromEventsThatWereRolledBackIsNotUsedAgain() throws Exception {
        transaction.begin();
        try {
            commands.dispatch(new Receive("kept-1", 10));
            commands.dispatch(new Ship("kept-1", 1));
            commands.dispatch(new Ship("kept-1", 1)); // folds, and keeps, 10 on hand at version 2
        } finally {
            transaction.rollback();
        }
        commands.dispatch(new Receive("kept-1", 1));
        commands.dispatch(new Receive("kept-1", 1));

        CommandRejectedException rejected = assertThrows(CommandRejectedException.class,
                () -> commands.dispatch(new Ship("kept-1", 3)));

        assertEquals("AF1109: Command rejected: only 2 of kept-1 in stock", rejected.getMessage());
        assertEquals(List.of(
                List.of(1L, "Received", "{\"quantity\":1,\"sku\":\"kept-1\"}"),
                List.of(2L, "Received", "{\"quantity\":1,\"sku\":\"kept-1\"}")), tables.events("kept-1"));
    }

    @Test
    void aCommandInACallersTransactionThatRollsBackLeavesTheConfirmedStateAsItWas() throws Exception {
        commands.dispatch(new Receive("kept-3", 5));
        commands.dispatch(new Ship("kept-3", 1)); // committed in its own transaction: 4 on hand, kept as confirmed
        transaction.begin();
        try {
            commands.dispatch(new Ship("kept-3", 3));
            commands.dispatch(new Ship("kept-3", 1)); // decided on 4 kept, a conflict, then on the 1 the transaction sees
            CommandRejectedException inside = assertThrows(CommandRejectedException.class,
                    () -> commands.dispatch(new Ship("kept-3", 1)));
            assertEquals("AF1109: Command rejected: only 0 of kept-3 in stock", inside.getMessage());
        } finally {
            transaction.rollback();
        }

        commands.dispatch(new Ship("kept-3", 4));

        assertEquals(List.of(
                List.of(1L, "Received", "{\"quantity\":5,\"sku\":\"kept-3\"}"),
                List.of(2L, "Shipped", "{\"quantity\":1,\"sku\":\"kept-3\"}"),
                List.of(3L, "Shipped", "{\"quantity\":4,\"sku\":\"kept-3\"}")), tables.events("kept-3"));
        CommandRejectedException rejected = assertThrows(CommandRejectedException.class,
                () -> commands.dispatch(new Ship("kept-3", 1)));
        assertEquals("AF1109: Command rejected: only 0 of kept-3 in stock", rejected.getMessage());
    }

    @Test
    void aKeptStateFollowsTheEventsCommittedAfterIt() {
        commands.dispatch(new Receive("kept-2", 5));
        commands.dispatch(new Ship("kept-2", 1));
        commands.dispatch(new Receive("kept-2", 5));
        commands.dispatch(new Ship("kept-2", 9));

        CommandRejectedException rejected = assertThrows(CommandRejectedException.class,
                () -> commands.dispatch(new Ship("kept-2", 1)));

        assertEquals("AF1109: Command rejected: only 0 of kept-2 in stock", rejected.getMessage());
    }
}
