package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An append of N events reaches the database as one JDBC batch, not N statements. */
class JdbcBatchingTest {

    private EntityManagerFactory factory;
    private CountingDataSource dataSource;
    private JpaEventStore store;

    @BeforeEach
    void storeOnACountingDataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:batching;DB_CLOSE_DELAY=-1");
        dataSource = new CountingDataSource(h2);
        factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
        ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
        JpaSchema.createIfMissing(transactions);
        store = new JpaEventStore(transactions, new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void hundredEventsAreInsertedInOneBatch() {
        dataSource.executions().clear();

        store.append("batch", AppendCondition.noStream(), events(100));

        List<CountingDataSource.Execution> eventInserts = dataSource.executions().stream()
                .filter(e -> e.sql().toLowerCase().startsWith("insert into allframe_events")).toList();
        assertThat(eventInserts).containsExactly(
                new CountingDataSource.Execution(eventInserts.get(0).sql(), "batch", 100));
        assertThat(dataSource.executions()).filteredOn(e -> e.sql().toLowerCase().startsWith("update allframe_head"))
                .hasSize(1);
        assertThat(store.readStream("batch", 1, 1000)).hasSize(100);
    }

    private static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent("e" + i, i), null, null,
                    null));
        }
        return events;
    }
}
