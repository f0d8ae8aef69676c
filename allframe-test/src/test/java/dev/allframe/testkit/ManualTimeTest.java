package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.test.SagaRun;
import dev.allframe.test.WithConfig;
import dev.allframe.testkit.shows.ReservationCancelled;
import dev.allframe.testkit.shows.ReserveFirst;
import dev.allframe.testkit.shows.ReserveSecond;
import dev.allframe.testkit.shows.SeatReserved;
import dev.allframe.testkit.shows.ShowOpened;
import dev.allframe.testkit.shows.Tour;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@AllFrameTest(manualTime = true)
class ManualTimeTest {

    @Test
    void aHangingStepTimesOutOnTheTestsTimeAndTheSagaIsCompensated(AllFrameFixture fixture) {
        fixture.given("A", new ShowOpened("A", 1)).given("B", new ShowOpened("B", 1))
                .hangStep(ReserveSecond.class);

        var then = fixture.whenSaga(Tour.SAGA, new Tour("Ada", "A", "B"))
                .thenCompensated(2)
                .thenSteps("EXECUTE ReserveFirst SUCCEEDED", "EXECUTE ReserveSecond FAILED",
                        "COMPENSATE ReserveSecond SUCCEEDED", "COMPENSATE ReserveFirst SUCCEEDED")
                .thenEvents(new SeatReserved("A", "Ada"), new ReservationCancelled("A", "Ada"));

        assertThat(then.elapsed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((SagaOutcome.Compensated) then.outcome()).failure().message())
                .contains("AF1152: Step dev.allframe.testkit.shows.ReserveSecond did not finish within 30000 ms");
    }

    @Test
    @WithConfig({"dev.allframe.testkit.shows.ReserveSecond/execute/Retry/maxRetries=1",
            "dev.allframe.testkit.shows.ReserveSecond/execute/Retry/delay=5000",
            "dev.allframe.testkit.shows.ReserveSecond/execute/Timeout/value=10000"})
    void aTestGivesASagaItsTimeStepByStep(AllFrameFixture fixture) {
        fixture.given("A", new ShowOpened("A", 1)).given("B", new ShowOpened("B", 1))
                .hangStep(ReserveSecond.class);

        SagaRun run = fixture.startSaga(Tour.SAGA, new Tour("Ada", "A", "B")).awaitHangingStep();
        fixture.advanceTime(Duration.ofSeconds(10));
        assertThat(fixture.sagas().status(run.sagaId()).orElseThrow().state()).isEqualTo(SagaState.RUNNING);
        fixture.advanceTime(Duration.ofSeconds(5));
        run.awaitHangingStep();
        fixture.advanceTime(Duration.ofSeconds(10));

        var then = run.then().thenCompensated(2);
        assertThat(then.elapsed()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void aFailingStepIsCompensatedWithoutTimePassing(AllFrameFixture fixture) {
        fixture.given("A", new ShowOpened("A", 1)).given("B", new ShowOpened("B", 1))
                .failStep(ReserveFirst.class, new IllegalStateException("box office closed"));

        var then = fixture.whenSaga(Tour.SAGA, new Tour("Ada", "A", "B"))
                .thenCompensated(1)
                .thenEvents();

        assertThat(then.elapsed()).isZero();
        assertThat(((SagaOutcome.Compensated) then.outcome()).failure().cause()).hasMessage("box office closed");
    }

    @Test
    void theClockStandsStillUntilTheTestAdvancesIt(AllFrameFixture fixture) {
        Instant start = fixture.now();
        fixture.given("A", new ShowOpened("A", 1));
        assertThat(fixture.store().readStream("A", 1, 1).get(0).timestamp()).isEqualTo(start);

        fixture.advanceTime(Duration.ofMinutes(5)).given("A", new SeatReserved("A", "Ada"));

        assertThat(fixture.now()).isEqualTo(start.plus(Duration.ofMinutes(5)));
        assertThat(fixture.store().readStream("A", 2, 1).get(0).timestamp()).isEqualTo(start.plusSeconds(300));
    }
}
