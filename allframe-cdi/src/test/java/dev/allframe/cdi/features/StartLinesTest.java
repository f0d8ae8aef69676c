package dev.allframe.cdi.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.cdi.Deployments;
import dev.allframe.testing.LogCapture;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** What AllFrame logs when an application starts: a FINE line per handler, then one INFO line. */
class StartLinesTest {

    @Test
    void eachHandlerAndThenWhatWasFoundAreLogged() {
        try (LogCapture log = LogCapture.of(AllFrameExtension.class);
             WeldContainer container = Deployments.weld(DependentHandlers.class).initialize()) {

            assertThat(container.isRunning()).isTrue();
            assertThat(log.lines()).containsExactly(
                    "FINE AF1201: Command dev.allframe.cdi.features.Ping is handled by"
                            + " dev.allframe.cdi.features.DependentHandlers#ping(Ping)",
                    "INFO AF1200: AllFrame (development build) started with 1 command handler, 0 query handlers,"
                            + " 0 projections, 0 sagas and the memory event store");
        }
    }
}
