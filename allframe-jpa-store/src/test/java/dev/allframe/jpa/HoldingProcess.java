package dev.allframe.jpa;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A second JVM whose append stays in a long transaction: {@code HoldingProcess <jdbc url> <stream>} appends one event
 * to the stream in a transaction that an inline listener keeps open, prints {@code holding <position>} once the event
 * is stored, then reads a line: {@code commit} lets the transaction commit, anything else rolls it back (the listener
 * throws). Killed meanwhile, it leaves the transaction to the database, which ends it when the connection drops.
 */
public final class HoldingProcess {

    private HoldingProcess() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String stream = args[1];
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", url, "hibernate.connection.pool_size", "2"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                    EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
            store.subscribeInline(appended -> {
                System.out.println("holding " + appended.events().get(0).globalPosition());
                System.out.flush();
                if (!"commit".equals(readLine(in))) {
                    throw new IllegalStateException("rolled back as told");
                }
            });
            store.append(stream, AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                    new ConformanceEvent(stream, 0), null, null, null)));
            System.out.println("committed");
        } catch (RuntimeException rolledBack) {
            System.out.println("rolled back");
        } finally {
            factory.close();
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
