package dev.allframe.it.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.it.Deployments;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.Subscription;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code allframe.event-store=jpa} on Liberty: the store keeps the events in the application's JTA
 * persistence unit (Hibernate in the WAR, H2 behind the server's data source), creates its tables when
 * the application first uses it, and takes part in the caller's transaction. The tests run inside the
 * server; each uses streams of its own.
 */
@ExtendWith(ArquillianExtension.class)
class JpaStoreIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.withJpaStore(Deployments.application("jpa-store"))
                .addClasses(Receive.class, Ship.class, Received.class, Shipped.class, Stock.class,
                        StockHandlers.class, WarehousePersistence.class, Warehouse.class, WarehouseTables.class)
                .addAsResource("dev/allframe/it/jpa/persistence.xml", "META-INF/persistence.xml");
        return Deployments.withConfig(war, """
                allframe.event-store=jpa
                allframe.jpa.create-schema=true
                allframe.snapshot.every=3
                allframe.state-cache.streams=0
                """);
    }

    @Inject
    CommandBus commands;

    @Inject
    EventStore events;

    @Inject
    UserTransaction transaction;

    @Inject
    Warehouse warehouse;

    @Inject
    WarehouseTables tables;

    private final List<AppendResult> told = new CopyOnWriteArrayList<>();
    private Subscription subscription;

    @BeforeEach
    void listen() {
        subscription = events.subscribe(told::add);
    }

    @AfterEach
    void stopListening() {
        subscription.close();
    }

    @Test
    void outsideATransactionEachCommandsEventsAreCommittedToTheDatabase() throws Exception {
        CommandResult received = commands.dispatch(new Receive("plain-1", 5));
        CommandResult shipped = commands.dispatch(new Ship("plain-1", 2));

        assertEquals(List.of(new Received("plain-1", 5), new Shipped("plain-1", 2)),
                events.readStream("plain-1", 1, 10).stream().map(EventEnvelope::event).toList());
        assertEquals(List.of(
                List.of(1L, "Received", "{\"quantity\":5,\"sku\":\"plain-1\"}"),
                List.of(2L, "Shipped", "{\"quantity\":2,\"sku\":\"plain-1\"}")), tables.events("plain-1"));
        assertEquals(List.of(received.events(), shipped.events()), told.stream().map(AppendResult::events).toList());
        assertEquals(Status.STATUS_NO_TRANSACTION, transaction.getStatus());
    }

    @Test
    void anAsynchronousDispatchIsCommittedInATransactionOfItsOwn() throws Exception {
        CommandResult received = commands.dispatchAsync(new Receive("async-1", 6))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(1L, "Received", "{\"quantity\":6,\"sku\":\"async-1\"}")), tables.events("async-1"));
        assertEquals(List.of(received.events()), told.stream().map(AppendResult::events).toList());
    }

    @Test
    void handlersDecideOnTheStateFoldedFromTheDatabase() {
        commands.dispatch(new Receive("folded-1", 3));
        commands.dispatch(new Ship("folded-1", 2));

        CommandRejectedException rejected = assertThrows(CommandRejectedException.class,
                () -> commands.dispatch(new Ship("folded-1", 2)));

        assertEquals("AF1109: Command rejected: only 1 of folded-1 in stock", rejected.getMessage());
        assertEquals(2, tables.events("folded-1").size());
    }

    @Test
    void inARolledBackTransactionNothingIsStoredAndNoListenerIsTold() throws Exception {
        transaction.begin();
        try {
            commands.dispatch(new Receive("rollback-1", 4));
            commands.dispatch(new Ship("rollback-1", 3));

            assertEquals(2, events.streamVersion("rollback-1"), "the transaction sees its own events");
            assertEquals(List.of(), told);
        } finally {
            transaction.rollback();
        }

        assertEquals(List.of(), tables.events("rollback-1"));
        assertEquals(0, events.streamVersion("rollback-1"));
        assertEquals(List.of(), told);
    }

    @Test
    void inACommittedTransactionTheEventsAreStoredAndListenersAreToldAfterTheCommit() throws Exception {
        CommandResult received;
        CommandResult shipped;
        transaction.begin();
        try {
            received = commands.dispatch(new Receive("commit-1", 4));
            shipped = commands.dispatch(new Ship("commit-1", 4));

            assertEquals(List.of(), told);
            transaction.commit();
        } finally {
            rollBackUnlessCommitted();
        }

        assertEquals(List.of(received.events(), shipped.events()), told.stream().map(AppendResult::events).toList());
        assertEquals(List.of(
                List.of(1L, "Received", "{\"quantity\":4,\"sku\":\"commit-1\"}"),
                List.of(2L, "Shipped", "{\"quantity\":4,\"sku\":\"commit-1\"}")), tables.events("commit-1"));
    }

    @Test
    void eventsCommitWithTheCallersOwnWorkInATransactionalMethod() {
        tables.createNotesTable();

        CommandResult result = warehouse.receiveWithNote(new Receive("noted-1", 7), "seven crates");

        assertEquals(List.of(List.of("noted-1", "seven crates")), tables.notes("noted-1"));
        assertEquals(List.of(List.of(1L, "Received", "{\"quantity\":7,\"sku\":\"noted-1\"}")), tables.events("noted-1"));
        assertEquals(List.of(result.events()), told.stream().map(AppendResult::events).toList());
    }

    @Test
    void eventsRollBackWithTheCallersOwnWorkInATransactionalMethod() {
        tables.createNotesTable();

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> warehouse.receiveWithNoteThenFail(new Receive("refused-1", 7), "seven crates"));

        assertEquals("the delivery note for refused-1 was refused", failed.getMessage());
        assertEquals(List.of(), tables.notes("refused-1"));
        assertEquals(List.of(), tables.events("refused-1"));
        assertEquals(List.of(), told);
    }

    /** Without kept states (off in this deployment), which would answer before any snapshot is read. */
    @Test
    void everyThirdVersionIsSnapshottedAndStateIsFoldedFromTheSnapshotOn() {
        commands.dispatch(new Receive("snapshot-1", 10));
        commands.dispatch(new Ship("snapshot-1", 1));
        commands.dispatch(new Ship("snapshot-1", 1));

        assertEquals(List.of(List.of(3L, Stock.class.getName(), "{\"onHand\":8}")), tables.snapshots("snapshot-1"));

        tables.overwriteSnapshot("snapshot-1", "{\"onHand\":100}");
        commands.dispatch(new Ship("snapshot-1", 50));

        assertEquals(4, events.streamVersion("snapshot-1"), "only a state read from the snapshot holds 50");
    }

    private void rollBackUnlessCommitted() throws Exception {
        if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            transaction.rollback();
        }
    }
}
