package dev.allframe.benchmarks.memory;

import dev.allframe.benchmarks.bank.ItemAdded;
import dev.allframe.core.EventIds;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The append of one event to an in-memory store, ten events per stream, on an empty store again every
 * {@value #RESTART_EVERY} events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class InMemoryAppendBenchmark {

    static final int RESTART_EVERY = 500_000;
    static final int EVENTS_PER_STREAM = 10;

    @State(Scope.Thread)
    public static class AllFrame {
        private InMemoryEventStore store;
        private long count;

        AppendResult append() {
            if (count % RESTART_EVERY == 0) {
                store = new InMemoryEventStore();
            }
            long n = count++;
            String stream = "cart-" + n / EVENTS_PER_STREAM;
            ItemAdded event = ItemAdded.sample(stream, n);
            return store.append(new AppendRequest(stream,
                    AppendCondition.streamVersionEq(n % EVENTS_PER_STREAM),
                    List.of(new NewEvent(EventIds.next(), "ItemAdded", 1, event, null, null, null)), null));
        }
    }

    @State(Scope.Thread)
    public static class Axon {
        private InMemoryEventStorageEngine engine;
        private long count;

        Object append() {
            if (count % RESTART_EVERY == 0) {
                engine = new InMemoryEventStorageEngine();
            }
            long n = count++;
            String stream = "cart-" + n / EVENTS_PER_STREAM;
            GenericDomainEventMessage<ItemAdded> message = new GenericDomainEventMessage<>("Cart", stream,
                    n % EVENTS_PER_STREAM, ItemAdded.sample(stream, n));
            engine.appendEvents(message);
            return message;
        }
    }

    @Benchmark
    public AppendResult allFrame(AllFrame state) {
        return state.append();
    }

    @Benchmark
    public Object axon(Axon state) {
        return state.append();
    }
}
