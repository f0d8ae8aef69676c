package dev.allframe.cdi.error.eventtypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class EventTypeClashTest {

    @Test
    void twoEventClassesStoredUnderOneNameFailTheDeployment() {
        assertThat(Deployments.failure(ClashingHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1024: Event classes dev.allframe.cdi.error.eventtypes.Created and"
                        + " dev.allframe.cdi.error.eventtypes.Opened are both stored as 'opened' version 1;"
                        + " give one of them another @EventType name");
    }
}
