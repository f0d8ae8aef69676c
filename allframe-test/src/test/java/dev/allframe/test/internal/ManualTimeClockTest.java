package dev.allframe.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimeClockTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final ManualTime time = new ManualTime(START);
    private final List<String> ran = new ArrayList<>();

    @Test
    void tasksRunInTheOrderOfTheirTimesAtTheirTimes() {
        time.schedule(Duration.ofSeconds(3), () -> ran.add("3s at " + time.instant()));
        time.schedule(Duration.ofSeconds(1), () -> ran.add("1s at " + time.instant()));
        time.schedule(Duration.ofSeconds(1), () -> ran.add("1s again at " + time.instant()));

        time.advance(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("1s at 2030-01-01T00:00:01Z", "1s again at 2030-01-01T00:00:01Z");
        assertThat(time.instant()).isEqualTo(START.plusSeconds(2));

        time.advance(Duration.ofSeconds(2));
        assertThat(ran).hasSize(3).last().isEqualTo("3s at 2030-01-01T00:00:03Z");
        assertThat(time.instant()).isEqualTo(START.plusSeconds(4));
    }

    @Test
    void aTaskScheduledByATaskRunsInTheSameAdvanceWhenItsTimeComes() {
        time.schedule(Duration.ofSeconds(1), () -> time.schedule(Duration.ofSeconds(1), () -> ran.add("chained")));

        time.advance(Duration.ofSeconds(2));

        assertThat(ran).containsExactly("chained");
    }

    @Test
    void aCancelledTaskDoesNotRunAndNextTaskSkipsNothing() {
        time.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled")).cancel();
        time.schedule(Duration.ofSeconds(5), () -> ran.add("five"));

        assertThat(time.advanceToNextTask()).isTrue();
        assertThat(ran).containsExactly("five");
        assertThat(time.instant()).isEqualTo(START.plusSeconds(5));
        assertThat(time.advanceToNextTask()).isFalse();
    }

    @Test
    void aFailingTaskDoesNotKeepTheOthersFromRunning() {
        time.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("first");
        });
        time.schedule(Duration.ofSeconds(2), () -> ran.add("second"));

        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(3))).hasMessage("first");
        assertThat(ran).containsExactly("second");
    }
}
