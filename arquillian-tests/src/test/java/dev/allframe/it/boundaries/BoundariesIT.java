package dev.allframe.it.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.event.EventQuery;
import dev.allframe.it.Deployments;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Commands decided over queries on the server, with the JPA store in the application's JTA unit on a database of its
 * own (a rebuild in another test reads its whole log, which must not hold these events): tagged events in the database, guests racing for a room's last places, and a transaction that rolls back. Each test has rooms of its
 * own.
 */
@ExtendWith(ArquillianExtension.class)
class BoundariesIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.withJpaStore(Deployments.application("boundaries"))
                .addClasses(Reserve.class, Reserved.class, RoomPlaces.class, Rooms.class, BoundaryPersistence.class)
                .addAsResource("dev/allframe/it/boundaries/persistence.xml", "META-INF/persistence.xml");
        return Deployments.withConfig(war, """
                allframe.event-store=jpa
                allframe.jpa.create-schema=true
                allframe.command.max-retries=20
                """);
    }

    @Inject
    CommandBus commands;

    @Inject
    EventStore events;

    @Inject
    UserTransaction transaction;

    @Test
    void aRoomTakesThreeGuestsAndTheirEventsCarryTheirTags() {
        commands.dispatch(new Reserve("ada", "r1"));
        commands.dispatch(new Reserve("grace", "r1"));
        commands.dispatch(new Reserve("alan", "r1"));

        CommandRejectedException full = assertThrows(CommandRejectedException.class,
                () -> commands.dispatch(new Reserve("edsger", "r1")));

        assertEquals("AF1109: Command rejected: room r1 is full", full.getMessage());
        List<EventEnvelope> reserved = events.read(EventQuery.tagged("room:r1"), 0, 10);
        assertEquals(List.of("ada", "grace", "alan"), reserved.stream()
                .map(event -> event.event(Reserved.class).guest()).toList());
        assertEquals(Set.of("room:r1", "guest:ada"), reserved.get(0).tags());
        assertEquals("ada", reserved.get(0).streamId());
    }

    /** Dispatched asynchronously, on the server's managed threads. */
    @Test
    void eightGuestsRacingForThreePlacesGetThree() throws Exception {
        List<CompletableFuture<String>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(commands.dispatchAsync(new Reserve("guest-" + i, "r2")).toCompletableFuture()
                    .handle((done, failure) -> failure == null ? "reserved" : failure.getCause().getMessage()));
        }
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<String> attempt : tries) {
            outcomes.add(attempt.get(2, TimeUnit.MINUTES));
        }

        assertEquals(3, outcomes.stream().filter("reserved"::equals).count(), outcomes.toString());
        assertEquals(5, outcomes.stream().filter("AF1109: Command rejected: room r2 is full"::equals).count(),
                outcomes.toString());
        assertEquals(3, events.read(EventQuery.tagged("room:r2"), 0, 10).size());
    }

    @Test
    void aTransactionSeesItsOwnReservationsAndRollsThemBack() throws Exception {
        transaction.begin();
        try {
            commands.dispatch(new Reserve("ada", "r3"));
            commands.dispatch(new Reserve("grace", "r3"));
            commands.dispatch(new Reserve("alan", "r3"));

            assertThrows(CommandRejectedException.class, () -> commands.dispatch(new Reserve("edsger", "r3")),
                    "the transaction's own reservations fill the room");
        } finally {
            transaction.rollback();
        }

        assertEquals(List.of(), events.read(EventQuery.tagged("room:r3"), 0, 10));
        commands.dispatch(new Reserve("edsger", "r3"));
        assertEquals(1, events.read(EventQuery.tagged("room:r3"), 0, 10).size());
    }
}
