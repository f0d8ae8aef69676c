package dev.allframe.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.library.LibraryCommand;
import com.example.library.TwoBooks;
import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaOrchestrator;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AllFrame's spans go to Quarkus's OpenTelemetry: AllFrame finds its OpenTelemetry bean. */
@QuarkusTest
class TracesTest {

    @ApplicationScoped
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    CommandBus commands;

    @Inject
    SagaOrchestrator sagas;

    @Test
    void aCommandAndASagaAreTracedWithTheirStepsInTheSagasTrace() {
        String first = LibraryContract.isbn();
        String second = LibraryContract.isbn();
        flush();
        spans.reset();
        commands.dispatch(new LibraryCommand.Register(first, "Nostromo"));
        commands.dispatch(new LibraryCommand.Register(second, "Orlando"));
        String sagaId = sagas.start("lend-two", new TwoBooks(first, second, "iris")).sagaId().toString();

        flush();
        List<SpanData> ended = spans.getFinishedSpanItems();
        assertThat(ended).extracting(SpanData::getName).contains("allframe.command Register", "allframe.append",
                "allframe.saga lend-two", "allframe.saga.execute LendFirst", "allframe.saga.execute LendSecond",
                "allframe.command Lend");
        SpanData register = ended.stream().filter(span -> span.getName().equals("allframe.command Register"))
                .filter(span -> first.equals(span.getAttributes().get(AttributeKey.stringKey("allframe.stream"))))
                .findFirst().orElseThrow();
        assertThat(register.getAttributes().get(AttributeKey.stringKey("allframe.command.outcome"))).isEqualTo("stored");
        List<SpanData> ofTheSaga = ended.stream()
                .filter(span -> sagaId.equals(span.getAttributes().get(AttributeKey.stringKey("allframe.saga.id"))))
                .toList();
        assertThat(ofTheSaga).extracting(SpanData::getName).containsExactlyInAnyOrder("allframe.saga lend-two",
                "allframe.saga.execute LendFirst", "allframe.saga.execute LendSecond");
        assertThat(ofTheSaga).extracting(SpanData::getTraceId).containsOnly(ofTheSaga.get(0).getTraceId());
    }

    /** Exports what the batch processor holds: the spans that ended so far. */
    private void flush() {
        ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS);
    }
}
