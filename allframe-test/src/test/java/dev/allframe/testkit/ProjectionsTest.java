package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.test.WithConfig;
import dev.allframe.testkit.shows.Bookings;
import dev.allframe.testkit.shows.ReservationCancelled;
import dev.allframe.testkit.shows.Reserve;
import dev.allframe.testkit.shows.SeatReserved;
import dev.allframe.testkit.shows.ShowOpened;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@AllFrameTest
class ProjectionsTest {

    @Inject
    AllFrameFixture fixture;

    @Inject
    Bookings bookings;

    @Test
    void theReadModelOnceTheProjectionsCaughtUp() {
        fixture.given("S-1", new ShowOpened("S-1", 3), new SeatReserved("S-1", "Ada"))
                .givenCommands(new Reserve("S-1", "Grace"), new Reserve("S-1", "Alan"))
                .given("S-1", new ReservationCancelled("S-1", "Ada"))
                .awaitProjections();

        assertThat(bookings.guests("S-1")).containsExactly("Grace", "Alan");
    }

    @Test
    void aRebuildReplaysTheLog() {
        fixture.given("S-1", new ShowOpened("S-1", 3), new SeatReserved("S-1", "Ada")).awaitProjections();

        fixture.rebuild("bookings");

        assertThat(bookings.guests("S-1")).containsExactly("Ada");
    }

    @Test
    @WithConfig("allframe.projection.max-retries=0")
    void aProjectionThatFailedFailsTheWaitAtOnceWithItsFailure() {
        fixture.given("S-1", new ShowOpened("S-1", 3), new SeatReserved("S-1", "crash"));

        assertThatThrownBy(fixture::awaitProjections)
                .hasMessageStartingWith("AF3002: Projection 'bookings' failed at position 2 (stream 'S-1', version 2,"
                        + " event type SeatReserved): ")
                .hasMessageContaining("cannot book a crash");
    }

    @Test
    void aProjectionThatDoesNotCatchUpFailsTheWaitAtItsTimeout() {
        fixture.projections().pause("bookings");
        fixture.given("S-1", new ShowOpened("S-1", 3));

        assertThatThrownBy(() -> fixture.awaitProjections(Duration.ofMillis(50)))
                .hasMessage("AF3003: Projection 'bookings' reached position 0, short of 1, within PT0.05S (state"
                        + " PAUSED)");
    }
}
