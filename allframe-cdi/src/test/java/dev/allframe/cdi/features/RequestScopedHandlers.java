package dev.allframe.cdi.features;

import dev.allframe.command.CommandHandler;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

@RequestScoped
public class RequestScopedHandlers {

    @CommandHandler
    List<Pinged> count(CountPings command, Pings pings) {
        return List.of(new Pinged(command.id(), "count " + pings.count));
    }
}
