package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.test.Concurrent;
import dev.allframe.test.WithConfig;
import dev.allframe.testkit.shows.Reserve;
import dev.allframe.testkit.shows.SeatReserved;
import dev.allframe.testkit.shows.ShowOpened;
import org.junit.jupiter.api.Test;

@AllFrameTest
class ConcurrencyTest {

    @Test
    void aCommandMeetingAConcurrentAppendIsRetriedOnTheNewState(AllFrameFixture fixture) {
        fixture.given("S-1", new ShowOpened("S-1", 2));

        var then = fixture.whenConcurrently(new Reserve("S-1", "Grace"),
                        Concurrent.append("S-1", new SeatReserved("S-1", "Ada")))
                .thenEvents(new SeatReserved("S-1", "Grace"));

        assertThat(then.attempts()).isEqualTo(2);
        assertThat(then.result().streamVersion()).isEqualTo(3);
    }

    @Test
    void theRetryDecidesOnWhatTheOtherWriterStored(AllFrameFixture fixture) {
        fixture.given("S-1", new ShowOpened("S-1", 1));

        fixture.whenConcurrently(new Reserve("S-1", "Grace"), Concurrent.append("S-1", new SeatReserved("S-1", "Ada")))
                .thenRejected("show S-1 is sold out");
    }

    @Test
    void aConflictOnEveryAttemptReachesTheCallerAfterTheRetries(AllFrameFixture fixture) {
        fixture.given("S-1", new ShowOpened("S-1", 100));

        var then = fixture.whenConcurrently(new Reserve("S-1", "Grace"),
                        Concurrent.append("S-1", new SeatReserved("S-1", "Ada")).onEveryAttempt())
                .thenConflict()
                .thenFailed(ConcurrencyConflictException.class, e -> assertThat(e.streamId()).isEqualTo("S-1"));

        assertThat(then.attempts()).isEqualTo(4);
        assertThat(fixture.events("S-1")).hasSize(5).doesNotContain(new SeatReserved("S-1", "Grace"));
    }

    @Test
    @WithConfig("allframe.command.max-retries=0")
    void withoutRetriesTheFirstConflictReachesTheCaller(AllFrameFixture fixture) {
        fixture.given("S-1", new ShowOpened("S-1", 100));

        var then = fixture.whenConcurrently(new Reserve("S-1", "Grace"),
                Concurrent.append("S-1", new SeatReserved("S-1", "Ada"))).thenConflict();

        assertThat(then.attempts()).isEqualTo(1);
    }
}
