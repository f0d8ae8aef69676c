package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The JPA store on PostgreSQL reports each commit of appends alone, shared or not, with how many appends and
 * events it carried: every append is reported once, in some commit.
 */
@RequiresPostgres
class GroupCommitMetricsTest {

    private static final int THREADS = 8;
    private static final int APPENDS = 50;

    @Test
    void everyAppendIsCountedInTheCommitThatCarriedIt() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(Clock.systemUTC());
        List<int[]> commits = new CopyOnWriteArrayList<>();
        store.reportTo((appends, events) -> commits.add(new int[] {appends, events}));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                String stream = "s-" + thread;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < APPENDS; i++) {
                        store.append(request(stream, 2));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(commits.stream().mapToInt(commit -> commit[0]).sum()).isEqualTo(THREADS * APPENDS);
        assertThat(commits.stream().mapToInt(commit -> commit[1]).sum()).isEqualTo(THREADS * APPENDS * 2);
        assertThat(commits).allSatisfy(commit -> assertThat(commit[1]).isEqualTo(commit[0] * 2));
        assertThat(store.headPosition()).isEqualTo(THREADS * APPENDS * 2);
    }

    private static AppendRequest request(String stream, int events) {
        return new AppendRequest(stream, AppendCondition.any(), IntStream.range(0, events)
                .mapToObj(i -> new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(stream, i),
                        null, null, null)).toList(), null);
    }
}
