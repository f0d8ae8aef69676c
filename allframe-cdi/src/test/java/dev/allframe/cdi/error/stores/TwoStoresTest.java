package dev.allframe.cdi.error.stores;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.features.DependentHandlers;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

class TwoStoresTest {

    @Test
    void twoApplicationEventStoresFailTheDeployment() {
        Weld weld = Deployments.weld(DependentHandlers.class, FirstStoreBean.class, SecondStoreBean.class);

        assertThatThrownBy(weld::initialize)
                .rootCause()
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1155: The application defines an EventStore bean, but no single one resolves for"
                        + " AllFrame's buses");
    }
}
