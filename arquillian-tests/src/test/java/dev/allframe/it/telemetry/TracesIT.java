package dev.allframe.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.it.Deployments;
import dev.allframe.it.projections.Censor;
import dev.allframe.it.projections.Note;
import dev.allframe.it.projections.NoteBoard;
import dev.allframe.it.projections.NoteHandlers;
import dev.allframe.it.projections.NoteTally;
import dev.allframe.it.projections.Noted;
import dev.allframe.projection.ProjectionRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AllFrame's spans through the server's MicroProfile Telemetry (its SDK on, logging each span; on Liberty
 * mpTelemetry-2.0 or 2.1, on WildFly its MicroProfile configuration): a
 * dispatch and its append in one trace, whose context the events carry, and the async projection's batch.
 */
@ExtendWith(ArquillianExtension.class)
class TracesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withConfig(Deployments.application("traces")
                        .addClasses(Note.class, Noted.class, NoteHandlers.class, NoteBoard.class, NoteTally.class,
                                Censor.class, SpanLog.class),
                "allframe.projection.poll-interval=100ms\n");
    }

    @Inject
    CommandBus bus;

    @Inject
    ProjectionRegistry projections;

    @Test
    void aCommandItsAppendAndTheBatchApplyingItAreSpansOfTheServersOpenTelemetry() throws Exception {
        try (SpanLog log = SpanLog.open()) {
            CommandResult noted = bus.dispatch(new Note("telemetry", "traced"));
            String traceparent = noted.events().get(0).metadata().get("traceparent");
            assertNotNull(traceparent, "the event carries its command's trace: " + noted.events().get(0).metadata());
            String[] parts = traceparent.split("-");
            String traceId = parts[1];
            String spanId = parts[2];
            assertTrue(projections.awaitPosition("note-board", noted.lastPosition(), Duration.ofSeconds(10)));

            List<String> lines = awaitLine(log, "'allframe.projection.batch note-board'");
            assertEquals(1, lines.stream().filter(line -> line.startsWith("'allframe.command Note' : " + traceId + " "
                    + spanId + " INTERNAL")).count(), "the command's span: " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("'allframe.append' : " + traceId + " ")),
                    "its append in its trace: " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("'allframe.projection.batch note-board' : ")
                    && !line.contains(traceId)), "the batch in a trace of its own: " + lines);
        }
    }

    /** The lines logged so far, once one starts with {@code prefix} (within ten seconds). */
    private static List<String> awaitLine(SpanLog log, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.lines().stream().noneMatch(line -> line.startsWith(prefix))) {
            assertTrue(System.nanoTime() < deadline, "no span " + prefix + " among " + log.lines());
            Thread.sleep(20);
        }
        return log.lines();
    }
}
