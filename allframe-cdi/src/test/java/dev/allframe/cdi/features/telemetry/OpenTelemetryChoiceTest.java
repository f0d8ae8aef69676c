package dev.allframe.cdi.features.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.otel.OpenTelemetryTraces;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

/** The API's no-op is no telemetry at all: nothing is made and thrown away on each dispatch. */
class OpenTelemetryChoiceTest {

    @Test
    void theApisNoOpAndAnUnsetGlobalAreNoTelemetry() {
        assertThat(OpenTelemetryTraces.of(OpenTelemetry.noop())).isSameAs(Telemetry.NONE);
        assertThat(OpenTelemetryTraces.of(GlobalOpenTelemetry.get())).isSameAs(Telemetry.NONE);
    }

    @Test
    void anSdkIsTraced() {
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build())
                .build()) {
            assertThat(OpenTelemetryTraces.of(sdk)).isInstanceOf(OpenTelemetryTraces.class);
        }
    }
}
