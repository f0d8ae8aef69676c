package dev.allframe.spi.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendListenersTest {

    private final AppendListeners listeners = new AppendListeners();

    @Test
    void aThrowingListenerIsLoggedAndTheOthersAreStillTold() {
        List<String> told = new ArrayList<>();
        listeners.add(new AppendListener() {
            @Override
            public void appended(AppendResult result) {
                throw new IllegalStateException("ledger table is gone");
            }

            @Override
            public String toString() {
                return "the ledger listener";
            }
        });
        listeners.add(result -> told.add(result.streamId()));

        try (LogCapture log = LogCapture.of(AppendListeners.class)) {
            listeners.notifyAppended(new AppendResult("account-7", 3, List.of(), false));

            assertThat(log.linesAbout("'account-7'")).containsExactly(
                    "WARNING AF1114: Append listener the ledger listener failed on an append to stream 'account-7'");
            assertThat(log.recordsAbout("'account-7'").get(0).getThrown()).hasMessage("ledger table is gone");
        }
        assertThat(told).containsExactly("account-7");
    }
}
