package dev.allframe.cdi.error.typed;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import jakarta.enterprise.inject.Typed;

@Handlers
@Typed(Greeting.class)
public class TypedHandlers implements Greeting {

    @CommandHandler
    void hello(Hello command) {
    }
}
