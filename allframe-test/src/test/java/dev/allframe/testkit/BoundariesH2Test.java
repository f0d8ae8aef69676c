package dev.allframe.testkit;

import dev.allframe.test.AllFrameTest;
import dev.allframe.test.TestStore;

@AllFrameTest(store = TestStore.H2)
class BoundariesH2Test extends BoundaryScenarios {
}
