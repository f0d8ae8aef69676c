package dev.allframe.spi.conformance;

import static dev.allframe.spi.event.AppendCondition.any;
import static dev.allframe.spi.event.AppendCondition.streamVersionEq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Appends from many threads: optimistic concurrency loses no event and stores no refused one, and the
 * global log stays gap-free for a reader tailing it during the appends. Every event store must pass it;
 * see {@link EventStoreConformanceSupport}.
 */
public abstract class EventStoreConcurrencyConformanceTest extends EventStoreConformanceSupport {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 1_000;
    private static final int SHARED_STREAMS = 4;
    private static final int TAILED_APPENDS_PER_WRITER = 250;
    private static final int TAIL_BATCH = 50;

    @Test
    void staleExpectedVersionConflictsAfterAnotherAppend() {
        appendAny("s", newEvents("first", 1));
        long seen = store.streamVersion("s");
        appendAny("s", newEvents("concurrent", 1));

        ConcurrencyConflictException conflict = conflictOf(
                () -> store.append("s", streamVersionEq(seen), newEvents("stale", 1)));

        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.actualVersion()).isEqualTo(2);
        assertThat(readWholeStream("s")).extracting(e -> e.event(ConformanceEvent.class).text())
                .containsExactly("first-0", "concurrent-0");
    }

    @Test
    void optimisticAppendsFromManyThreadsLoseNothingAndStoreNothingRefused() throws InterruptedException {
        Set<UUID> succeeded = ConcurrentHashMap.newKeySet();
        Set<UUID> conflicted = ConcurrentHashMap.newKeySet();
        List<String> wrongConflicts = new CopyOnWriteArrayList<>();

        runConcurrently(WRITERS, writer -> () -> {
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                String streamId = sharedStream(writer + i);
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("writer " + writer + " stopped at append " + i);
                    }
                    long version = store.streamVersion(streamId);
                    NewEvent event = newEvent("writer-" + writer, i);
                    try {
                        store.append(streamId, streamVersionEq(version), List.of(event));
                        succeeded.add(event.eventId());
                        break;
                    } catch (ConcurrencyConflictException e) {
                        conflicted.add(event.eventId());
                        if (!e.streamId().equals(streamId) || e.expectedVersion() != version
                                || e.actualVersion() <= version) {
                            wrongConflicts.add(streamId + " read at " + version + ": " + e.getMessage());
                        }
                    }
                }
            }
            return null;
        });

        int total = WRITERS * APPENDS_PER_WRITER;
        System.out.printf("%s: %d appends, %d conflicts surfaced and retried%n", getClass().getSimpleName(), total,
                conflicted.size());
        assertThat(wrongConflicts).isEmpty();
        assertThat(succeeded).hasSize(total);

        List<EventEnvelope> log = readWholeLog();
        assertRacedPositions(log, total);
        List<UUID> storedIds = log.stream().map(EventEnvelope::eventId).toList();
        assertThat(new HashSet<>(storedIds)).hasSize(total).isEqualTo(succeeded);
        assertThat(storedIds).noneMatch(conflicted::contains);

        int storedInStreams = 0;
        for (int s = 0; s < SHARED_STREAMS; s++) {
            String streamId = sharedStream(s);
            List<EventEnvelope> stream = readWholeStream(streamId);
            assertThat(stream).as(streamId).extracting(EventEnvelope::streamVersion)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stream.size()).boxed().toList());
            assertThat(stream).as(streamId).allSatisfy(e -> assertThat(e.streamId()).isEqualTo(streamId));
            assertThat(stream).as(streamId).extracting(EventEnvelope::globalPosition).isSorted();
            assertThat(store.streamVersion(streamId)).isEqualTo(stream.size());
            storedInStreams += stream.size();
        }
        assertThat(storedInStreams).isEqualTo(total);

        Map<String, List<Integer>> numbersByWriter = log.stream()
                .map(e -> e.event(ConformanceEvent.class))
                .collect(Collectors.groupingBy(ConformanceEvent::text,
                        Collectors.mapping(ConformanceEvent::number, Collectors.toList())));
        List<Integer> inOrder = IntStream.range(0, APPENDS_PER_WRITER).boxed().toList();
        assertThat(numbersByWriter).hasSize(WRITERS)
                .allSatisfy((writer, numbers) -> assertThat(numbers).as(writer).isEqualTo(inOrder));
    }

    @Test
    void readerTailingTheLogDuringAppendsSeesEveryPositionOnceInOrder() throws InterruptedException {
        int appendSizes = 0;
        for (int i = 0; i < TAILED_APPENDS_PER_WRITER; i++) {
            appendSizes += tailedAppendSize(i);
        }
        int total = WRITERS * appendSizes;

        List<List<EventEnvelope>> seenByTask = runConcurrently(WRITERS + 1, task -> task == WRITERS
                ? () -> tailLog(total)
                : () -> {
                    List<EventEnvelope> appended = new ArrayList<>();
                    for (int i = 0; i < TAILED_APPENDS_PER_WRITER; i++) {
                        List<NewEvent> events = newEvents("writer-" + task + "-append-" + i, tailedAppendSize(i));
                        AppendResult result = store.append(sharedStream(task + i), any(), events);
                        assertAppendedContiguously(result, events);
                        appended.addAll(result.events());
                    }
                    return appended;
                });

        List<EventEnvelope> seen = seenByTask.get(WRITERS);
        assertThat(seen).extracting(EventEnvelope::globalPosition)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(seen).isEqualTo(readWholeLog());
        Map<Long, EventEnvelope> appendedByPosition = new HashMap<>();
        for (List<EventEnvelope> appended : seenByTask.subList(0, WRITERS)) {
            appended.forEach(e -> appendedByPosition.put(e.globalPosition(), e));
        }
        assertThat(appendedByPosition).hasSize(total);
        assertThat(seen).allSatisfy(e -> assertThat(e).isEqualTo(appendedByPosition.get(e.globalPosition())));
        assertThat(store.headPosition()).isEqualTo(total);
    }

    @Test
    void theEventsOfOneAppendBecomeVisibleTogether() throws InterruptedException {
        int appendsPerWriter = 300;
        int eventsPerAppend = 3;
        int total = WRITERS * appendsPerWriter * eventsPerAppend;

        List<Integer> readsByTask = runConcurrently(WRITERS + 1, task -> task == WRITERS
                ? () -> {
                    int reads = 0;
                    long lastSeen = 0;
                    while (lastSeen < total) {
                        List<EventEnvelope> batch = store.readAll(lastSeen, total);
                        if (!batch.isEmpty()) {
                            reads++;
                            EventEnvelope last = batch.get(batch.size() - 1);
                            assertThat(((ConformanceEvent) last.event()).number())
                                    .as("the last event read, at position %d, ends its append", last.globalPosition())
                                    .isEqualTo(eventsPerAppend - 1);
                            lastSeen = last.globalPosition();
                        }
                    }
                    return reads;
                }
                : () -> {
                    for (int i = 0; i < appendsPerWriter; i++) {
                        store.append(sharedStream(task), any(), newEvents("w" + task + "-" + i, eventsPerAppend));
                    }
                    return 0;
                });

        assertThat(readsByTask.get(WRITERS)).isPositive();
        assertThat(store.headPosition()).isEqualTo(total);
    }

    private List<EventEnvelope> tailLog(int total) throws InterruptedException {
        List<EventEnvelope> seen = new ArrayList<>(total);
        long lastSeen = 0;
        while (seen.size() < total) {
            List<EventEnvelope> batch = store.readAll(lastSeen, TAIL_BATCH);
            assertThat(batch.size()).isLessThanOrEqualTo(TAIL_BATCH);
            for (EventEnvelope envelope : batch) {
                assertThat(envelope.globalPosition()).as("position read after position %d", lastSeen)
                        .isEqualTo(lastSeen + 1);
                lastSeen = envelope.globalPosition();
                seen.add(envelope);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("tailing reader stopped after position " + lastSeen);
            }
            if (batch.isEmpty()) {
                Thread.yield();
            }
        }
        assertThat(store.readAll(lastSeen, TAIL_BATCH)).isEmpty();
        return seen;
    }

    private static void assertAppendedContiguously(AppendResult result, List<NewEvent> events) {
        List<EventEnvelope> stored = result.events();
        assertThat(stored).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(events.stream().map(NewEvent::eventId).toList());
        EventEnvelope first = stored.get(0);
        for (int k = 0; k < stored.size(); k++) {
            assertThat(stored.get(k).globalPosition()).isEqualTo(first.globalPosition() + k);
            assertThat(stored.get(k).streamVersion()).isEqualTo(first.streamVersion() + k);
        }
        assertThat(result.streamVersion()).isEqualTo(stored.get(stored.size() - 1).streamVersion());
    }

    private static int tailedAppendSize(int append) {
        return 1 + append % 3;
    }

    private static String sharedStream(int index) {
        return "shared-" + index % SHARED_STREAMS;
    }
}
