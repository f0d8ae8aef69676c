package dev.allframe.benchmarks.memory;

import dev.allframe.benchmarks.bank.BankHandlers;
import dev.allframe.benchmarks.bank.Ping;
import dev.allframe.benchmarks.support.AllFrameBuses;
import dev.allframe.benchmarks.support.AxonBuses;
import dev.allframe.command.CommandResult;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.otel.OpenTelemetryTraces;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Dispatch of a small command to a handler that does nothing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DispatchBenchmark {

    private final Ping ping = new Ping(42);
    private CommandDispatcher allFrame;
    private CommandDispatcher tracedNoop;
    private CommandDispatcher traced;
    private SdkTracerProvider tracing;
    private SimpleCommandBus axon;
    private Map<Class<?>, Consumer<Object>> map;

    @Setup
    public void setUp() {
        allFrame = AllFrameBuses.commandBus(new InMemoryEventStore(), new BankHandlers());
        tracedNoop = AllFrameBuses.commandBus(new InMemoryEventStore(), new BankHandlers(),
                OpenTelemetryTraces.of(OpenTelemetry.noop()));
        tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
                .build();
        traced = AllFrameBuses.commandBus(new InMemoryEventStore(), new BankHandlers(),
                OpenTelemetryTraces.of(OpenTelemetrySdk.builder().setTracerProvider(tracing).build()));
        axon = AxonBuses.pingBus();
        map = new HashMap<>();
        map.put(Ping.class, command -> { });
    }

    @Benchmark
    public CommandResult allFrame() {
        return allFrame.dispatch(ping);
    }

    @TearDown
    public void tearDown() {
        tracing.close();
    }

    /** With OpenTelemetry's API and its no-op implementation: what a server with telemetry disabled costs. */
    @Benchmark
    public CommandResult allFrameTracedNoop() {
        return tracedNoop.dispatch(ping);
    }

    /** With OpenTelemetry's SDK recording every span and handing it to an exporter that drops it. */
    @Benchmark
    public CommandResult allFrameTraced() {
        return traced.dispatch(ping);
    }

    @Benchmark
    public Object axon() {
        return AxonBuses.dispatch(axon, ping);
    }

    @Benchmark
    public Object hashMap() {
        map.get(ping.getClass()).accept(ping);
        return ping;
    }

    /** An exporter that takes the spans and sends them nowhere: the cost of recording, not of a network. */
    private static final class DroppingExporter implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
