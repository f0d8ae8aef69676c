package dev.allframe.jpa.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.command.CommandBus;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.ResourceLocalTransactions;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.saga.SagaContainers;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every event class that can be stored is known at deployment, the same in every process: what one process stores,
 * a process started later on the same database (its own entity manager factory, its own registry) reads.
 */
class EventClassesAcrossRestartsTest {

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.H2.freshStore();
    }

    @Test
    void aHandlerReturningAnOpenTypeIsRefusedAtDeploymentSoNothingIsStoredThatALaterProcessCannotRead() {
        Throwable first = catchThrowable(() -> inContainer(bus -> {
            bus.dispatch(new Credit("a", 10));
            return bus.dispatch(new Tag("a", "vip"));
        }));

        assertThat(inNewProcess(store -> store.readStream("a", 1, 10))).isEmpty();
        assertThat(deploymentProblems(first)).containsExactly("AF1050: @CommandHandler method"
                + " dev.allframe.jpa.restart.TaggingAccounts#tag(Tag) returns dev.allframe.jpa.restart.AccountNote, so"
                + " the event classes it may store are not known at deployment: dev.allframe.jpa.restart.AccountNote is"
                + " an interface that is not sealed; return a concrete class, a sealed type or a collection of either");
    }

    @Test
    void anEventOfAClassTheStoreCannotReadBackIsRefusedAndTheStreamStaysReadable() {
        JpaEventStore store = TestDatabase.H2.freshStore(EventTypeRegistry.of(List.of(Credited.class)));
        store.append("a", AppendCondition.noStream(), List.of(event("Credited", new Credited("a", 10))));

        assertThatThrownBy(() -> store.append("a", AppendCondition.streamVersionEq(1),
                List.of(event("Credited", new Credited("a", 5)), event("AccountTagged", new AccountTagged("a", "vip")))))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2030: Event dev.allframe.jpa.restart.AccountTagged for stream 'a' would be stored as type"
                        + " 'AccountTagged' version 1, which neither an event class nor an upcaster path is registered"
                        + " for, so no process could read it back; nothing of the append was stored");

        assertThat(inNewProcess(fresh -> fresh.readStream("a", 1, 10))).extracting(EventEnvelope::event)
                .containsExactly(new Credited("a", 10));
    }

    private static List<EventEnvelope> inNewProcess(Function<JpaEventStore, List<EventEnvelope>> action) {
        EntityManagerFactory factory = TestDatabase.H2.newFactory();
        try {
            return action.apply(new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                    EventTypeRegistry.of(List.of(Credited.class)), Clock.systemUTC()));
        } finally {
            factory.close();
        }
    }

    private static NewEvent event(String type, Object event) {
        return new NewEvent(EventIds.next(), type, 1, event, null, null, null);
    }

    private static List<String> deploymentProblems(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AllFrameDeploymentException deployment) {
                return deployment.problems().stream().map(String::valueOf).toList();
            }
            for (Throwable suppressed : t.getSuppressed()) {
                List<String> found = deploymentProblems(suppressed);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    interface BusAction<T> {
        T apply(CommandBus bus) throws Exception;
    }

    private static <T> T inContainer(BusAction<T> action) throws Exception {
        RestartDatabase.opened = TestDatabase.H2.newFactory();
        try {
            return SagaContainers.withConfig(Map.of("allframe.event-store", "jpa"), () -> {
                try (WeldContainer container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                        .property("org.jboss.weld.construction.relaxed", false)
                        .addExtension(new AllFrameExtension())
                        .addBeanClasses(TaggingAccounts.class, RestartDatabase.class)
                        .initialize()) {
                    return action.apply(container.select(CommandBus.class).get());
                }
            });
        } finally {
            RestartDatabase.opened.close();
        }
    }
}
