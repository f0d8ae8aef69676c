package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.test.AllFrameTest;
import dev.allframe.testkit.shows.BoxOffice;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With SmallRye Fault Tolerance on the test class path, the application's annotations apply as on the server. */
@AllFrameTest
class FaultToleranceTest {

    @Inject
    BoxOffice boxOffice;

    @Test
    void theApplicationsRetryApplies() {
        assertThat(boxOffice.ticket()).isEqualTo("ticket after 3 calls");
    }
}
