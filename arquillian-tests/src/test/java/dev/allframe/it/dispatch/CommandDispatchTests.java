package dev.allframe.it.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.query.QueryBus;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Dispatching on a running server, whichever way AllFrame got there: each subclass deploys the cart
 * application with AllFrame provided in its own way ({@link CommandDispatchIT}: a library in the WAR).
 * The tests run inside the server.
 */
public abstract class CommandDispatchTests {

    /** The application's classes, including this class: the tests run in the deployed WAR. */
    protected static WebArchive withCartApplication(WebArchive war) {
        return war.addClasses(CommandDispatchTests.class, AddItem.class, ItemAdded.class, Cart.class,
                CartItems.class, CartHandlers.class);
    }

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    EventStore events;

    @Test
    void dispatchedEventsCanBeReadBack() {
        CommandResult first = commands.dispatch(new AddItem("cart-1", "apple"));
        CommandResult second = commands.dispatch(new AddItem("cart-1", "pear"));

        assertEquals(1, first.streamVersion());
        assertEquals(2, second.streamVersion());
        List<EventEnvelope> stream = events.readStream("cart-1", 1, 10);
        assertEquals(List.of(new ItemAdded("cart-1", "apple"), new ItemAdded("cart-1", "pear")),
                stream.stream().map(EventEnvelope::event).toList());
        assertEquals(List.of(1L, 2L), stream.stream().map(EventEnvelope::streamVersion).toList());
        assertEquals(List.of("ItemAdded", "ItemAdded"), stream.stream().map(EventEnvelope::typeName).toList());
        assertEquals(second.events(), stream.subList(1, 2));
        assertEquals(second.commandId().toString(), stream.get(1).correlationId());
        assertEquals(stream, events.readAll(first.lastPosition() - 1, 10).stream()
                .filter(e -> e.streamId().equals("cart-1")).toList());
    }

    @Test
    void handlersSeeTheStateFoldedFromTheStream() {
        commands.dispatch(new AddItem("cart-2", "apple"));

        CommandRejectedException rejected = assertThrows(CommandRejectedException.class,
                () -> commands.dispatch(new AddItem("cart-2", "apple")));

        assertEquals("AF1109: Command rejected: apple is already in cart cart-2", rejected.getMessage());
        assertEquals(1, events.streamVersion("cart-2"));
    }

    @Test
    void queriesAreAnswered() {
        commands.dispatch(new AddItem("cart-3", "plum"));
        commands.dispatch(new AddItem("cart-3", "fig"));

        assertEquals(List.of("plum", "fig"), queries.query(new CartItems("cart-3")));
    }

    @Test
    void asynchronousDispatchCompletes() throws Exception {
        CommandResult result = commands.dispatchAsync(new AddItem("cart-4", "kiwi"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(1, result.streamVersion());
        assertEquals(List.of("kiwi"), queries.query(new CartItems("cart-4")));
    }
}
