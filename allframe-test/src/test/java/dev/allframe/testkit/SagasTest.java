package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.testkit.shows.Cancel;
import dev.allframe.testkit.shows.ReservationCancelled;
import dev.allframe.testkit.shows.Reserve;
import dev.allframe.testkit.shows.SeatReserved;
import dev.allframe.testkit.shows.ShowOpened;
import dev.allframe.testkit.shows.Tour;
import org.junit.jupiter.api.Test;

@AllFrameTest
class SagasTest {

    @Test
    void aSagaThatCompletes(AllFrameFixture fixture) {
        fixture.given("A", new ShowOpened("A", 1)).given("B", new ShowOpened("B", 1))
                .whenSaga(Tour.SAGA, new Tour("Ada", "A", "B"))
                .thenCompleted()
                .thenSteps("EXECUTE ReserveFirst SUCCEEDED", "EXECUTE ReserveSecond SUCCEEDED")
                .thenEvents(new SeatReserved("A", "Ada"), new SeatReserved("B", "Ada"));
    }

    @Test
    void aFailingStepIsCompensatedInReverse(AllFrameFixture fixture) {
        fixture.given("A", new ShowOpened("A", 1)).given("B", new ShowOpened("B", 1), new SeatReserved("B", "Bob"))
                .whenSaga(Tour.SAGA, new Tour("Ada", "A", "B"))
                .thenCompensated(2)
                .thenSteps("EXECUTE ReserveFirst SUCCEEDED", "EXECUTE ReserveSecond FAILED",
                        "COMPENSATE ReserveSecond SUCCEEDED", "COMPENSATE ReserveFirst SUCCEEDED")
                .thenCommands(new Reserve("A", "Ada"), new Reserve("B", "Ada"), new Cancel("A", "Ada"))
                .thenEvents(new SeatReserved("A", "Ada"), new ReservationCancelled("A", "Ada"));
    }

    @Test
    void anotherOutcomeNamesHowTheSagaEnded(AllFrameFixture fixture) {
        fixture.given("A", new ShowOpened("A", 1)).given("B", new ShowOpened("B", 1), new SeatReserved("B", "Bob"));
        var then = fixture.whenSaga(Tour.SAGA, new Tour("Ada", "A", "B"));

        assertThatThrownBy(then::thenCompleted)
                .hasMessage("AF3001: The saga 'tour' with input Tour[guest=Ada, first=A, second=B] was expected to"
                        + " complete, but it was compensated after step 2 (ReserveSecond) failed: CommandRejectedException:"
                        + " AF1109: Command rejected: show B is sold out");
        assertThatThrownBy(() -> then.thenCommands(new Reserve("A", "Ada")))
                .hasMessage(String.join(System.lineSeparator(),
                        "AF3015: The saga 'tour' with input Tour[guest=Ada, first=A, second=B] dispatched other"
                                + " commands than expected:",
                        "     expected                     | actual",
                        "   1 Reserve[showId=A, guest=Ada] | Reserve[showId=A, guest=Ada]",
                        "*  2 (none)                       | Reserve[showId=B, guest=Ada]",
                        "*  3 (none)                       | Cancel[showId=A, guest=Ada]"));
        assertThatThrownBy(() -> then.thenSteps("EXECUTE ReserveFirst SUCCEEDED"))
                .hasMessage(String.join(System.lineSeparator(),
                        "AF3004: The saga 'tour' ran other steps than expected:",
                        "     expected                       | actual",
                        "   1 EXECUTE ReserveFirst SUCCEEDED | EXECUTE ReserveFirst SUCCEEDED",
                        "*  2 (none)                         | EXECUTE ReserveSecond FAILED",
                        "*  3 (none)                         | COMPENSATE ReserveSecond SUCCEEDED",
                        "*  4 (none)                         | COMPENSATE ReserveFirst SUCCEEDED"));
    }
}
