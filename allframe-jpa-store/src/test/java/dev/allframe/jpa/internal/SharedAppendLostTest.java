package dev.allframe.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.AllFrameMessage;
import org.junit.jupiter.api.Test;

/**
 * AF2025 guards an append that another thread took into its shared commit and then left unsettled. Every error
 * that thread can meet while it writes settles the appends it took (AF2024), so no append path reaches AF2025;
 * what is tested here is its message, as {@link GroupCommit} raises it.
 */
class SharedAppendLostTest {

    @Test
    void anAppendLeftBehindByTheThreadThatTookItSaysItsOutcomeIsUnknown() {
        AllFrameMessage lost = JpaStoreMessages.sharedAppendLost();

        assertThat(lost).hasToString("AF2025: The append did not finish: the thread that took it to write it together"
                + " with other appends stopped before it was written; whether it was stored is unknown until the"
                + " stream is read");
    }
}
