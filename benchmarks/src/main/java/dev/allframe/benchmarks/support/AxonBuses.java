package dev.allframe.benchmarks.support;

import dev.allframe.benchmarks.bank.AxonAccount;
import dev.allframe.benchmarks.bank.AxonPingHandler;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

/** Axon's command side built by hand, as Axon's configuration API would build it. */
public final class AxonBuses {

    private AxonBuses() {
    }

    /** A {@link SimpleCommandBus} with the no-op ping handler. */
    public static SimpleCommandBus pingBus() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        new AnnotationCommandHandlerAdapter<>(new AxonPingHandler()).subscribe(bus);
        return bus;
    }

    /**
     * The account aggregate on an embedded event store over {@code engine}; with a {@code cache}, loaded
     * aggregates are kept instead of replayed.
     */
    public static Accounts accounts(EventStorageEngine engine, TransactionManager transactions, Cache cache) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        EventSourcingRepository.Builder<AxonAccount> repository =
                EventSourcingRepository.builder(AxonAccount.class).eventStore(store);
        if (cache != null) {
            repository.cache(cache);
        }
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(transactions == null ? NoTransactionManager.INSTANCE : transactions).build();
        AggregateAnnotationCommandHandler.<AxonAccount>builder().aggregateType(AxonAccount.class)
                .repository(repository.build()).build().subscribe(bus);
        return new Accounts(store, bus);
    }

    /** Dispatches and waits: {@link SimpleCommandBus} handles the command on the calling thread. */
    public static Object dispatch(CommandBus bus, Object command) {
        Outcome outcome = new Outcome();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), outcome);
        return outcome.result();
    }

    /** The aggregate's command bus and its event store. */
    public record Accounts(EmbeddedEventStore store, SimpleCommandBus bus) implements AutoCloseable {

        public Object dispatch(Object command) {
            return AxonBuses.dispatch(bus, command);
        }

        @Override
        public void close() {
            store.shutDown();
        }
    }

    private static final class Outcome implements CommandCallback<Object, Object> {

        private CommandResultMessage<?> message;

        @Override
        public void onResult(CommandMessage<?> command, CommandResultMessage<?> result) {
            this.message = result;
        }

        Object result() {
            if (message.isExceptional()) {
                Throwable failure = message.exceptionResult();
                throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
            }
            return message.getPayload();
        }
    }
}
