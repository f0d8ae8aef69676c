package dev.allframe.testkit;

import dev.allframe.test.AllFrameTest;

@AllFrameTest
class BoundariesInMemoryTest extends BoundaryScenarios {
}
