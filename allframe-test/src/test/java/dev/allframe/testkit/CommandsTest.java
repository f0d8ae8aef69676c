package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.testkit.shows.OpenShow;
import dev.allframe.testkit.shows.Reserve;
import dev.allframe.testkit.shows.SeatReserved;
import dev.allframe.testkit.shows.Show;
import dev.allframe.testkit.shows.ShowOpened;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@AllFrameTest
class CommandsTest {

    @Inject
    AllFrameFixture fixture;

    @Inject
    CommandBus commands;

    @Test
    void givenEventsWhenACommandThenItsEvents() {
        fixture.given("S-1", new ShowOpened("S-1", 2), new SeatReserved("S-1", "Ada"))
                .when(new Reserve("S-1", "Grace"))
                .thenEvents(new SeatReserved("S-1", "Grace"))
                .thenState("S-1", Show.class, show -> assertThat(show).isEqualTo(new Show(true, 2, 2)));
    }

    @Test
    void givenCommandsStoreWhatTheirHandlersDecide() {
        fixture.givenCommands(new OpenShow("S-1", 1), new Reserve("S-1", "Ada"))
                .when(new Reserve("S-1", "Grace"))
                .thenRejected("show S-1 is sold out");

        assertThat(fixture.events("S-1")).containsExactly(new ShowOpened("S-1", 1), new SeatReserved("S-1", "Ada"));
    }

    @Test
    void aRejectionIsExpectedByItsReason() {
        fixture.when(new Reserve("S-9", "Ada")).thenRejected("show S-9 is not open")
                .thenFailed(CommandRejectedException.class, e -> assertThat(e.reason()).isEqualTo("show S-9 is not open"));
        assertThat(fixture.events("S-9")).isEmpty();
    }

    @Test
    void violationsAreExpectedByPathAndMessage() {
        fixture.when(new OpenShow(" ", 0)).thenViolations(new Violation("seats", "must be greater than 0"),
                new Violation("showId", "must not be blank"));
    }

    @Test
    void eachTestStartsOnAnEmptyStoreWithTheTestsBeansInjected() {
        assertThat(fixture.store().headPosition()).isZero();
        assertThat(commands.dispatch(new OpenShow("S-1", 3)).streamVersion()).isEqualTo(1);
    }

    @Test
    void otherEventsFailWithBothListsSideBySide() {
        fixture.given("S-1", new ShowOpened("S-1", 2));

        assertThatThrownBy(() -> fixture.when(new Reserve("S-1", "Grace")).thenEvents(new SeatReserved("S-1", "Ada"),
                new SeatReserved("S-1", "Grace")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "AF3000: The command Reserve[showId=S-1, guest=Grace] stored other events than expected:",
                        "     expected                              | actual",
                        "*  1 SeatReserved[showId=S-1, guest=Ada]   | SeatReserved[showId=S-1, guest=Grace]",
                        "*  2 SeatReserved[showId=S-1, guest=Grace] | (none)"));
    }

    @Test
    void aFailureWhereEventsWereExpectedNamesIt() {
        assertThatThrownBy(() -> fixture.when(new Reserve("S-2", "Ada")).thenEvents(new SeatReserved("S-2", "Ada")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("AF3001: The command Reserve[showId=S-2, guest=Ada] was expected to store events, but it"
                        + " failed: CommandRejectedException: AF1109: Command rejected: show S-2 is not open")
                .hasCauseInstanceOf(CommandRejectedException.class);
    }

    @Test
    void aCommandThatSucceededWhereARejectionWasExpectedNamesItsEvents() {
        fixture.given("S-1", new ShowOpened("S-1", 2));

        assertThatThrownBy(() -> fixture.when(new Reserve("S-1", "Ada")).thenRejected("show S-1 is sold out"))
                .hasMessage("AF3001: The command Reserve[showId=S-1, guest=Ada] was expected to be rejected with the"
                        + " reason 'show S-1 is sold out', but it stored [SeatReserved[showId=S-1, guest=Ada]]");
        assertThatThrownBy(() -> fixture.when(new Reserve("S-1", "Bob")).thenConflict())
                .hasMessage("AF3001: The command Reserve[showId=S-1, guest=Bob] was expected to meet a concurrency"
                        + " conflict, but it stored [SeatReserved[showId=S-1, guest=Bob]]");
    }

    @Test
    void aGivenCommandThatFailsFailsTheTest() {
        assertThatThrownBy(() -> fixture.givenCommands(new Reserve("S-3", "Ada")))
                .hasMessage("AF3001: The given command Reserve[showId=S-3, guest=Ada] was expected to succeed, but it"
                        + " failed: CommandRejectedException: AF1109: Command rejected: show S-3 is not open");
    }

    @Test
    void aStateTypeTheKitCannotFoldIsNamed() {
        assertThatThrownBy(() -> fixture.state(Integer.class, "S-1"))
                .hasMessageStartingWith("AF3005: java.lang.Integer is no state the test kit can fold: [AF1006: ");
    }

    @Test
    void advancingTimeNeedsManualTime() {
        assertThatThrownBy(() -> fixture.advanceTime(java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AF3010: advanceTime needs manual time: annotate the test class"
                        + " @AllFrameTest(manualTime = true)");
    }
}
