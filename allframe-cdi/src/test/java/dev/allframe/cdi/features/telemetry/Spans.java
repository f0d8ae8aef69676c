package dev.allframe.cdi.features.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's {@code OpenTelemetry} bean, as a MicroProfile Telemetry server provides one: an SDK whose
 * finished spans a test reads from {@link #EXPORTED}, and its metrics from {@link #METRICS}.
 */
@ApplicationScoped
public class Spans {

    public static final InMemorySpanExporter EXPORTED = InMemorySpanExporter.create();
    /** Each collection gives what changed since the one before. */
    public static final InMemoryMetricReader METRICS = InMemoryMetricReader.createDelta();

    private static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(EXPORTED))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(METRICS).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @Produces
    @Singleton
    OpenTelemetry openTelemetry() {
        return SDK;
    }
}
