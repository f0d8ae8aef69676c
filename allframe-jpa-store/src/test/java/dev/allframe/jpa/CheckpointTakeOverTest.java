package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.checkpoint.LeaseLostException;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A batch moves its checkpoint with its first statement, which waits for the checkpoint row's lock; the lease is read
 * only after that. So a batch that waited while another server took the projection over (under that same lock) sees
 * the take-over once it has the lock, and is refused with nothing applied, rather than judging the lease by what the
 * database held when the batch began to wait.
 */
@RequiresPostgres
class CheckpointTakeOverTest {

    @Test
    void aBatchThatWaitedForATakeOverIsRefusedAndAppliesNothing() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(EventTypeRegistry.of(List.of(ConformanceEvent.class)));
        store.append("s", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                new ConformanceEvent("s", 0), null, null, null)));
        List<EventEnvelope> batch = store.readAll(0, 10);
        ProjectionLease lease = store.claim("totals", "node-a", Duration.ofMinutes(1)).orElseThrow();
        AtomicInteger applied = new AtomicInteger();
        CompletableFuture<Long> waiting;
        try (Connection takeOver = PostgresWaits.transaction(); Statement statement = takeOver.createStatement()) {
            statement.execute("SELECT global_position FROM allframe_checkpoints WHERE projection = 'totals'"
                    + " FOR UPDATE");
            statement.execute("UPDATE allframe_projection_leases SET node_id = 'node-b',"
                    + " fencing_token = fencing_token + 1 WHERE projection = 'totals'");
            waiting = CompletableFuture.supplyAsync(() -> store.applyBatch(lease, 0, batch,
                    event -> applied.incrementAndGet()));
            PostgresWaits.awaitWaiting("transactionid", 1, "the batch waits for the checkpoint row's lock");
            takeOver.commit();
        }

        assertThatThrownBy(waiting::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(LeaseLostException.class);
        assertThat(applied).as("events applied").hasValue(0);
        assertThat(store.checkpoint("totals")).isZero();
        assertThat(store.holder("totals").orElseThrow().node()).isEqualTo("node-b");
    }
}
