package dev.allframe.cdi.error.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class DuplicateHandlersTest {

    @Test
    void twoHandlersForOneCommandOrQueryTypeNameBothSites() {
        assertThat(Deployments.failure(FirstHandlers.class, SecondHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1001: Command type dev.allframe.cdi.error.duplicates.Transfer has 2 handlers, it needs exactly one:"
                        + " dev.allframe.cdi.error.duplicates.FirstHandlers#transfer(Transfer),"
                        + " dev.allframe.cdi.error.duplicates.SecondHandlers#moveMoney(Transfer)",
                "AF1002: Query type dev.allframe.cdi.error.duplicates.Lookup has 2 handlers, it needs exactly one:"
                        + " dev.allframe.cdi.error.duplicates.FirstHandlers#lookup(Lookup),"
                        + " dev.allframe.cdi.error.duplicates.SecondHandlers#find(Lookup)");
    }
}
