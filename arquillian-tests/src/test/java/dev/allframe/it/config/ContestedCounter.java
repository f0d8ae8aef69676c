package dev.allframe.it.config;

import dev.allframe.Handlers;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandHandler;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter that always loses the race: while {@link Increment} is handled, another write lands on the
 * same stream, so every append conflicts and AllFrame calls the handler again until its retries run out.
 */
@Handlers
public class ContestedCounter {

    private final AtomicInteger incrementCalls = new AtomicInteger();

    @Inject
    CommandBus commands;

    @CommandHandler
    Incremented increment(Increment command, Count count) {
        incrementCalls.incrementAndGet();
        commands.dispatch(new IncrementElsewhere(command.counterId()));
        return new Incremented(command.counterId());
    }

    @CommandHandler
    Incremented incrementElsewhere(IncrementElsewhere command) {
        return new Incremented(command.counterId());
    }

    public int incrementCalls() {
        return incrementCalls.get();
    }
}
