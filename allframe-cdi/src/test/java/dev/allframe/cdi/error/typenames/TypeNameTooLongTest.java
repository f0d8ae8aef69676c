package dev.allframe.cdi.error.typenames;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class TypeNameTooLongTest {

    @Test
    void anEventTypeNameLongerThanStoresKeepFailsTheDeployment() {
        assertThat(Deployments.failure(LongNameHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1063: Event class dev.allframe.cdi.error.typenames.LongNamed is stored as type name 'account-"
                        + "x".repeat(32) + "...', which is 210 characters long; event stores keep type names of up"
                        + " to 200 characters: give it a shorter @EventType name");
    }
}
