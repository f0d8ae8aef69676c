package dev.allframe.cdi;

import dev.allframe.core.telemetry.Telemetry;

/**
 * AllFrame's telemetry: OpenTelemetry traces where its API is on the class path (a MicroProfile Telemetry server
 * gives it) and {@code allframe.telemetry.enabled} is not false; else none, and nothing of OpenTelemetry is loaded.
 */
final class TelemetrySupport {

    static final String API = "io.opentelemetry.api.OpenTelemetry";

    private TelemetrySupport() {
    }

    static Telemetry create(boolean enabled, ContainerBeans beans) {
        if (!enabled || !available()) {
            return Telemetry.NONE;
        }
        return OpenTelemetryBeans.traces(beans);
    }

    static boolean available() {
        try {
            Class.forName(API, false, TelemetrySupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
