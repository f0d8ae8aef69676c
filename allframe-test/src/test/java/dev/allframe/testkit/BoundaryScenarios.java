package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.event.EventQuery;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.Concurrent;
import dev.allframe.testkit.workshops.Workshops.Announced;
import dev.allframe.testkit.workshops.Workshops.Book;
import dev.allframe.testkit.workshops.Workshops.Booked;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The kit with commands decided over queries: given tagged events, a booking that another one overtakes. */
abstract class BoundaryScenarios {

    @Inject
    AllFrameFixture fixture;

    @Test
    void givenEventsCarryTheirTagsAndDecideTheCommand() {
        fixture.given("w1", new Announced("w1", 2)).given("ada", new Booked("w1", "ada"));

        fixture.when(new Book("grace", "w1")).thenEvents(new Booked("w1", "grace"));
        fixture.when(new Book("alan", "w1")).thenRejected("workshop w1 is full");

        assertThat(fixture.store().read(EventQuery.tagged("workshop:w1"), 0, 10)).hasSize(3);
    }

    @Test
    void aBookingOvertakenByAnotherIsDecidedAgain() {
        fixture.given("w1", new Announced("w1", 1));

        fixture.whenConcurrently(new Book("grace", "w1"), Concurrent.append("ada", new Booked("w1", "ada")))
                .thenRejected("workshop w1 is full");
        fixture.given("w2", new Announced("w2", 2));
        assertThat(fixture.whenConcurrently(new Book("grace", "w2"), Concurrent.append("ada", new Booked("w2", "ada")))
                .thenEvents(new Booked("w2", "grace")).attempts()).isEqualTo(2);
        fixture.given("w3", new Announced("w3", 9));
        fixture.whenConcurrently(new Book("grace", "w3"), Concurrent.append("ada", new Booked("w3", "ada"))
                .onEveryAttempt()).thenConflict();
    }
}
