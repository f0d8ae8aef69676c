package dev.allframe.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** AllFrame's health checks answer on Quarkus's health endpoints. */
@QuarkusTest
class HealthTest {

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @TestHTTPResource("/q/health/live")
    URI live;

    @Test
    void theProjectionsReadinessAndTheWorksLivenessAreReported() throws IOException, InterruptedException {
        assertThat(get(ready)).contains("\"name\": \"allframe-projections\"").contains("\"loans.state\"");
        assertThat(get(live)).contains("\"name\": \"allframe-work\"");
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
