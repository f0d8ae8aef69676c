package dev.allframe.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.otel.OpenTelemetryTraces;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaState;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.MutableClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A saga taken over after its process stopped goes on in a trace of its own, which links to the trace the saga
 * started in: the store keeps that trace's context with the saga.
 */
class SagaTakeOverTracesTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build();
    private final Telemetry telemetry = OpenTelemetryTraces.of(sdk);
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final ScriptedStep reserve = new ScriptedStep("reserve", journal);
    private final ScriptedStep debit = new ScriptedStep("debit", journal);
    private final MutableClock clock = new MutableClock();
    private final InMemorySagaStore sagaStore = new InMemorySagaStore(clock);
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
        sdk.close();
    }

    @Test
    void aSagaTakenOverGoesOnInATraceOfItsOwnLinkedToTheTraceItStartedIn() throws Exception {
        debit.blockUntil = release;
        SagaEngine first = engine();
        Span request = sdk.getTracer("test").spanBuilder("request").startSpan();
        SagaExecution running;
        try (Scope scope = request.makeCurrent()) {
            running = first.startAsync("transfer", "A->B");
        } finally {
            request.end();
        }
        awaitJournal("execute debit A->B 2:execute");
        clock.advance(LEASE.plusSeconds(1));
        SagaEngine second = engine();

        SagaExecution recovered = second.recoverNow().get(0);
        assertThat(recovered.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPENSATED);
        release.countDown();
        running.outcome().toCompletableFuture().handle((outcome, failure) -> failure).get(10, TimeUnit.SECONDS);

        List<SagaData> sagas = exported.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("allframe.saga transfer")).map(SagaData::new).toList();
        assertThat(sagas).hasSize(2);
        SpanData started = sagas.stream().filter(s -> !s.recovered()).findFirst().orElseThrow().span();
        SpanData takenOver = sagas.stream().filter(SagaData::recovered).findFirst().orElseThrow().span();
        assertThat(started.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(sagaStore.find(running.sagaId()).orElseThrow().traceParent()).isEqualTo("00-"
                + started.getTraceId() + "-" + started.getSpanId() + "-" + started.getSpanContext().getTraceFlags().asHex());
        assertThat(takenOver.getParentSpanContext().isValid()).as("the process it started in is gone").isFalse();
        assertThat(takenOver.getTraceId()).isNotEqualTo(started.getTraceId());
        assertThat(takenOver.getLinks()).extracting(link -> link.getSpanContext().getTraceId() + "/"
                + link.getSpanContext().getSpanId()).containsExactly(started.getTraceId() + "/" + started.getSpanId());
        assertThat(takenOver.getAttributes().get(AttributeKey.stringKey("allframe.saga.id")))
                .isEqualTo(running.sagaId().toString());
        assertThat(takenOver.getAttributes().get(AttributeKey.stringKey("allframe.saga.outcome")))
                .isEqualTo("COMPENSATED");
        assertThat(exported.getFinishedSpanItems()).filteredOn(s -> s.getName().startsWith("allframe.saga.compensate"))
                .extracting(SpanData::getName, SpanData::getParentSpanId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allframe.saga.compensate debit", takenOver.getSpanId()),
                        org.assertj.core.groups.Tuple.tuple("allframe.saga.compensate reserve",
                                takenOver.getSpanId()));
    }

    @Test
    void aSagaStartedUntracedIsTakenOverInATraceWithoutALink() throws Exception {
        debit.blockUntil = release;
        SagaEngine first = engineWith(Telemetry.NONE);
        SagaExecution running = first.startAsync("transfer", "A->B");
        awaitJournal("execute debit A->B 2:execute");
        clock.advance(LEASE.plusSeconds(1));

        assertThat(sagaStore.find(running.sagaId()).orElseThrow().traceParent()).isNull();
        engine().recoverNow().get(0).outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);

        SpanData takenOver = exported.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("allframe.saga transfer")).findFirst().orElseThrow();
        assertThat(new SagaData(takenOver).recovered()).isTrue();
        assertThat(takenOver.getLinks()).isEmpty();
    }

    private record SagaData(SpanData span) {

        boolean recovered() {
            return Boolean.TRUE.equals(span.getAttributes().get(AttributeKey.booleanKey("allframe.saga.recovered")));
        }
    }

    private SagaEngine engine() {
        return engineWith(telemetry);
    }

    private SagaEngine engineWith(Telemetry traces) {
        Problems problems = new Problems();
        SagaModel model = SagaDefinitions.model(SagaDefinition.<String>named("transfer").step("reserve", reserve)
                        .step("debit", debit), "test", Duration.ofSeconds(20), threads, new ManualTimer(clock), problems)
                .orElseThrow();
        assertThat(problems.messages()).isEmpty();
        return new SagaEngine(List.of(model), sagaStore, events, EventTypeRegistry.of(List.of()), threads, clock,
                LEASE, traces);
    }

    private void awaitJournal(String entry) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!journal.contains(entry)) {
            assertThat(System.nanoTime()).as("the journal reaches %s", entry).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
