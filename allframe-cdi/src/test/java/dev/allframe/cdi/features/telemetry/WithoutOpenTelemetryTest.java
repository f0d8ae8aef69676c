package dev.allframe.cdi.features.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.testing.JavaSeProcess;
import dev.allframe.testing.JavaSeProcess.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telemetry is optional: without the OpenTelemetry API, AllFrame links none of it and works as before. */
class WithoutOpenTelemetryTest {

    @Test
    void anApplicationWithoutTheApiDispatchesWithoutATrace() throws Exception {
        Result result = JavaSeProcess.run(WithoutOpenTelemetry.class,
                List.of("opentelemetry-api", "opentelemetry-context"), Map.of());

        assertThat(result.exitStatus()).as("%s", result).isZero();
        assertThat(result.output()).as("%s", result).isEqualTo("metadata {}\n");
        assertThat(result.errors()).as("%s", result).doesNotContain("opentelemetry");
    }
}
