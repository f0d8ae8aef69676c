package dev.allframe.it.projections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.it.Deployments;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Projections on Open Liberty: discovered, fed inline and async, and their readiness check over HTTP. */
@ExtendWith(ArquillianExtension.class)
class ProjectionsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withConfig(Deployments.application("projections")
                        .addClasses(Note.class, Noted.class, NoteHandlers.class, NoteBoard.class, NoteTally.class,
                                Censor.class),
                "allframe.projection.poll-interval=100ms\nallframe.projection.retry-backoff=20ms\n"
                        + "allframe.projection.max-retries=1\n");
    }

    @Inject
    CommandBus bus;

    @Inject
    ProjectionRegistry projections;

    @Inject
    NoteBoard board;

    @Inject
    NoteTally tally;

    @Test
    void inlineAndAsyncProjectionsAreFed() throws Exception {
        int before = tally.count();
        bus.dispatch(new Note("kitchen", "milk"));
        CommandResult last = bus.dispatch(new Note("kitchen", "eggs"));

        assertEquals(before + 2, tally.count());
        assertTrue(projections.awaitPosition("note-board", last.lastPosition(), Duration.ofSeconds(10)));
        assertTrue(board.texts().containsAll(List.of("milk", "eggs")));
        assertEquals(ProjectionState.RUNNING, projections.status("note-board").state());
    }

    @Test
    void theReadinessCheckGoesDownWhenAProjectionFails() throws Exception {
        CommandResult fine = bus.dispatch(new Note("hall", "keys"));
        assertTrue(projections.awaitPosition("censor", fine.lastPosition(), Duration.ofSeconds(10)));
        HttpResponse<String> up = ready();
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("RUNNING", allframeCheck(up).getJsonObject("data").getString("censor.state"));

        CommandResult forbidden = bus.dispatch(new Note("hall", "forbidden"));
        assertFalse(projections.awaitPosition("censor", forbidden.lastPosition(), Duration.ofSeconds(10)));
        HttpResponse<String> down = ready();

        assertEquals(503, down.statusCode(), down.body());
        JsonObject check = allframeCheck(down);
        assertEquals("DOWN", check.getString("status"));
        assertEquals("FAILED", check.getJsonObject("data").getString("censor.state"));
        assertTrue(check.getJsonObject("data").getString("censor.failure").startsWith("position "
                + forbidden.lastPosition() + ": AF1119: Projection 'censor' failed on event Noted at position "
                + forbidden.lastPosition()), check.toString());
        assertTrue(projections.awaitPosition("note-board", forbidden.lastPosition(), Duration.ofSeconds(10)),
                "the other projections go on");
    }

    private static HttpResponse<String> ready() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(System.getProperty(
                "it.health.url", "http://localhost:19080/health/ready"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject allframeCheck(HttpResponse<String> response) {
        JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("allframe-projections")).findFirst().orElseThrow();
    }
}
