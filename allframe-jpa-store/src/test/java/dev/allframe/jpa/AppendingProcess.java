package dev.allframe.jpa;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A second JVM appending to the same database: {@code AppendingProcess <jdbc url> <name> <events>} appends
 * that many events, one per transaction, and exits 0.
 */
public final class AppendingProcess {

    private AppendingProcess() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String name = args[1];
        int events = Integer.parseInt(args[2]);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", url, "hibernate.connection.pool_size", "4"));
        try {
            JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                    EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
            for (int i = 0; i < events; i++) {
                store.append(name + "-" + (i % 4), AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                        "ConformanceEvent", 1, new ConformanceEvent(name, i), null, null, null)));
            }
        } finally {
            factory.close();
        }
    }
}
