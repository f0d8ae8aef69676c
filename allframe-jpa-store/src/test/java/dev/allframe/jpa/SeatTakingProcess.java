package dev.allframe.jpa;

import dev.allframe.EventEnvelope;
import dev.allframe.command.QueryConflictException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.spi.conformance.ConformanceSeat;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writers taking seats in one course, each deciding over the course's seats and appending under the condition that
 * none was taken since, until the course is full or the writer has its share. As a second JVM: {@code
 * SeatTakingProcess <jdbc url> <name> <threads> <capacity> <share>} prints {@code ready}, waits for a line on its
 * input, takes seats and prints {@code taken <n> refused <m>}.
 */
public final class SeatTakingProcess {

    static final String COURSE_TAG = "course:dcb-101";
    static final EventQuery COURSE = EventQuery.of(QueryItem.tagged(COURSE_TAG).withTypes("ConformanceSeat"));

    private SeatTakingProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String name = args[1];
        int threads = Integer.parseInt(args[2]);
        int capacity = Integer.parseInt(args[3]);
        int share = Integer.parseInt(args[4]);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", url, "hibernate.connection.pool_size", String.valueOf(threads)));
        try {
            JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                    EventTypeRegistry.of(List.of(ConformanceSeat.class)), Clock.systemUTC());
            System.out.println("ready");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            long[] outcome = takeSeats(store, name, threads, capacity, share);
            System.out.println("taken " + outcome[0] + " refused " + outcome[1]);
        } finally {
            factory.close();
        }
    }

    /**
     * Runs {@code threads} writers until the course is full, each taking at most {@code share} seats; how many seats
     * they took and how often they were refused.
     */
    static long[] takeSeats(EventStore store, String name, int threads, int capacity, int share) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = name + "-" + t;
                writers.add(pool.submit(() -> takeSeats(store, writer, capacity, share)));
            }
            long[] total = new long[2];
            for (Future<long[]> writer : writers) {
                long[] outcome = writer.get(5, TimeUnit.MINUTES);
                total[0] += outcome[0];
                total[1] += outcome[1];
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] takeSeats(EventStore store, String writer, int capacity, int share) {
        long taken = 0;
        long refused = 0;
        for (int attempt = 0; ; attempt++) {
            List<EventEnvelope> seats = store.read(COURSE, 0, capacity + 1);
            if (seats.size() >= capacity || taken == share) {
                return new long[] {taken, refused};
            }
            long seen = seats.isEmpty() ? 0 : seats.get(seats.size() - 1).globalPosition();
            NewEvent seat = new NewEvent(EventIds.next(), "ConformanceSeat", 1,
                    new ConformanceSeat("dcb-101", writer + "-" + attempt), null, null, Map.of(),
                    Set.of(COURSE_TAG, "student:" + writer));
            try {
                store.append(new AppendRequest("student-" + writer, AppendCondition.any(), List.of(seat), null)
                        .onlyIf(new QueryCondition(COURSE, seen)));
                taken++;
            } catch (QueryConflictException e) {
                refused++;
            }
        }
    }
}
