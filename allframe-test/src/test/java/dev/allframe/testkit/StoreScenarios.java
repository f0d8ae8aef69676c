package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.Concurrent;
import dev.allframe.testkit.shows.Bookings;
import dev.allframe.testkit.shows.Reserve;
import dev.allframe.testkit.shows.SeatReserved;
import dev.allframe.testkit.shows.ShowOpened;
import dev.allframe.testkit.shows.Tour;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The kit on the JPA store: events go through JSON and back, each test on an empty database. */
abstract class StoreScenarios {

    @Inject
    AllFrameFixture fixture;

    @Inject
    Bookings bookings;

    @Test
    void commandsConflictsProjectionsAndSagasOnTheDatabase() {
        assertThat(fixture.store().headPosition()).isZero();
        fixture.given("A", new ShowOpened("A", 2)).given("B", new ShowOpened("B", 1));

        fixture.whenConcurrently(new Reserve("A", "Grace"), Concurrent.append("A", new SeatReserved("A", "Ada")))
                .thenEvents(new SeatReserved("A", "Grace"));
        fixture.whenSaga(Tour.SAGA, new Tour("Alan", "A", "B")).thenCompensated(1);
        fixture.whenSaga(Tour.SAGA, new Tour("Bob", "B", "A")).thenCompensated(2)
                .thenEvents(new SeatReserved("B", "Bob"),
                        new dev.allframe.testkit.shows.ReservationCancelled("B", "Bob"));
        fixture.awaitProjections();

        assertThat(bookings.guests("A")).containsExactly("Ada", "Grace");
        assertThat(bookings.guests("B")).isEmpty();
    }

    @Test
    void theNextTestStartsEmptyToo() {
        assertThat(fixture.store().headPosition()).isZero();
        fixture.givenCommands(new dev.allframe.testkit.shows.OpenShow("A", 1));
        assertThat(fixture.store().headPosition()).isEqualTo(1);
    }
}
