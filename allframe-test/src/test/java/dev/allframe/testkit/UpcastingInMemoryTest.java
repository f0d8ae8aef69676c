package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import org.junit.jupiter.api.Test;

@AllFrameTest
class UpcastingInMemoryTest {

    @Test
    void anOldShapeAsJsonNeedsAStoreThatKeepsJson(AllFrameFixture fixture) {
        assertThatThrownBy(() -> fixture.givenStored("news", "Subscribed", 1, "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AF3014: givenStored(Subscribed version 1) needs a store that keeps JSON:"
                        + " @AllFrameTest(store = TestStore.H2) or TestStore.POSTGRESQL; in memory, give an object of"
                        + " the old class");
    }
}
