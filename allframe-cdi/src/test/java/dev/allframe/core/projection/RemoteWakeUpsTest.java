package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.spi.event.RemoteChangeListener;
import dev.allframe.spi.event.RemoteChanges;
import dev.allframe.spi.event.Subscription;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Listening to a store that tells what other processes commit: announced once, taken up again after the poll interval
 * when it fails, and stopped for good at close.
 */
class RemoteWakeUpsTest {

    private static final ProjectionSettings SETTINGS = new ProjectionSettings(10, Duration.ofSeconds(2), 1,
            Duration.ofMillis(10), Duration.ofSeconds(15), "node-7");

    private final ManualTimer timer = new ManualTimer();
    private final Changes changes = new Changes();
    private final RemoteWakeUps wakeUps = new RemoteWakeUps(changes, Runnable::run, Runnable::run, timer,
            SETTINGS, Map.of(), List.of());

    @Test
    void listeningIsAnnouncedOnceAndTakenUpAgainAfterThePollIntervalWhenItFails() {
        try (LogCapture log = LogCapture.of(RemoteWakeUps.class)) {
            wakeUps.listen();
            changes.listener.lost(new IllegalStateException("connection reset"));

            assertThat(changes.listened).isEqualTo(1);
            assertThat(timer.pending()).containsExactly(Duration.ofSeconds(2));
            timer.advance(Duration.ofSeconds(2));

            assertThat(changes.listened).isEqualTo(2);
            assertThat(log.lines()).containsExactly(
                    "INFO AF1205: Node node-7 hears of the other nodes' appends, batches and requests as they commit"
                            + " (database notifications)",
                    "WARNING AF1194: Node node-7 stopped hearing of the other nodes' commits: its projections follow"
                            + " them at each poll, and it listens again in 2s");
            assertThat(log.records().get(1).getThrown()).hasMessage("connection reset");
        }
    }

    @Test
    void closingStopsListeningForGood() {
        wakeUps.listen();
        wakeUps.close();

        assertThat(changes.closed).isEqualTo(1);
        changes.listener.lost(new IllegalStateException("closed"));
        assertThat(timer.pending()).isEmpty();
        wakeUps.listen();
        assertThat(changes.listened).isEqualTo(1);
    }

    @Test
    void aStoreThatCannotTellIsLeftToThePollsSilently() {
        changes.canTell = false;
        try (LogCapture log = LogCapture.of(RemoteWakeUps.class)) {
            wakeUps.listen();

            assertThat(log.lines()).isEmpty();
            assertThat(timer.pending()).isEmpty();
        }
    }

    /** A store that tells, or not, and counts how often it was listened to. */
    private static final class Changes implements RemoteChanges {

        boolean canTell = true;
        int listened;
        int closed;
        RemoteChangeListener listener;
        final List<Executor> executors = new ArrayList<>();

        @Override
        public Optional<Subscription> listen(Executor executor, RemoteChangeListener told) {
            executors.add(executor);
            if (!canTell) {
                return Optional.empty();
            }
            listened++;
            listener = told;
            return Optional.of(() -> closed++);
        }
    }
}
