package dev.allframe.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.testing.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneWorkersTest {

    private final LaneWorkers workers = LaneWorkers.own(Clock.systemUTC());

    @AfterEach
    void close() {
        workers.close();
    }

    @Test
    void aTaskWithNoDelayRunsEvenWhenItFiresBeforeItsHandleIsBack() throws Exception {
        CountDownLatch ran = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            workers.timer().schedule(Duration.ZERO, ran::countDown);
        }

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void eachLaneRunsOnItsOwnNamedThreads() throws Exception {
        for (Lane lane : Lane.values()) {
            CountDownLatch ran = new CountDownLatch(1);
            String[] name = new String[1];
            workers.executor(lane).execute(() -> {
                name[0] = Thread.currentThread().getName();
                ran.countDown();
            });

            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(name[0]).startsWith("allframe-" + lane.name().toLowerCase() + "-");
        }
    }

    @Test
    void onceClosedNoTimedTaskRunsAndNewWorkIsRefused() {
        CountDownLatch ran = new CountDownLatch(1);
        workers.timer().schedule(Duration.ofHours(1), ran::countDown);

        workers.close();

        assertThat(ran.getCount()).isEqualTo(1);
        assertThatThrownBy(() -> workers.executor(Lane.PROJECTIONS).execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("AF1159: AllFrame is stopping with the application: no new work starts");
        assertThatThrownBy(() -> workers.timer().schedule(Duration.ZERO, () -> { }))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("AF1159: AllFrame is stopping with the application: no new work starts");
    }

    @Test
    void aTimedTaskThatThrowsAnErrorIsLogged() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        try (LogCapture log = LogCapture.of(LaneWorkers.class)) {
            workers.timer().schedule(Duration.ZERO, () -> {
                throw new OutOfMemoryError("no room");
            });
            // one timer thread runs timed tasks in turn: once the next one ran, the failed one has been logged
            workers.timer().schedule(Duration.ZERO, next::countDown);
            assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(log.lines()).containsExactly("WARNING AF1160: A timed task of AllFrame failed, and is not run"
                    + " again: java.lang.OutOfMemoryError: no room");
        }
    }
}
