package dev.allframe.it.dispatch;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.query.QueryHandler;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.util.List;

@Handlers
public class CartHandlers {

    @Inject
    EventStore events;

    @CommandHandler
    ItemAdded add(AddItem command, Cart cart) {
        if (cart.items().contains(command.item())) {
            throw new CommandRejectedException(command.item() + " is already in cart " + command.cartId());
        }
        return new ItemAdded(command.cartId(), command.item());
    }

    @QueryHandler
    List<String> items(CartItems query) {
        return events.readStream(query.cartId(), 1, 100).stream()
                .map(envelope -> envelope.event(ItemAdded.class).item())
                .toList();
    }
}
