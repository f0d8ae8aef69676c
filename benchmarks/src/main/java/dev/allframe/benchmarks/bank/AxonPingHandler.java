package dev.allframe.benchmarks.bank;

import org.axonframework.commandhandling.CommandHandler;

/** Axon's no-op handler of the dispatch benchmark. */
public class AxonPingHandler {

    @CommandHandler
    public void handle(Ping ping) {
        // the dispatch benchmark measures the bus around a handler that does nothing
    }
}
