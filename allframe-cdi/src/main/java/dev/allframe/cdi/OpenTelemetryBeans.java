package dev.allframe.cdi;

import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.otel.OpenTelemetryTraces;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * The OpenTelemetry AllFrame reports to: the {@code OpenTelemetry} bean (which a MicroProfile Telemetry server
 * provides, or the application produces), else the global one; none when that is the API's no-op. Loaded only when
 * the API is there.
 */
final class OpenTelemetryBeans {

    private OpenTelemetryBeans() {
    }

    static Telemetry traces(ContainerBeans beans) {
        OpenTelemetry openTelemetry = beans.find(OpenTelemetry.class).orElseGet(GlobalOpenTelemetry::get);
        return OpenTelemetryTraces.of(openTelemetry);
    }
}
