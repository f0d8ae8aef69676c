package dev.allframe.testkit;

import dev.allframe.test.AllFrameTest;
import dev.allframe.test.TestStore;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Runs where {@code ALLFRAME_TEST_POSTGRESQL_URL} names a database, as in the build of this project. */
@AllFrameTest(store = TestStore.POSTGRESQL)
@EnabledIfEnvironmentVariable(named = "ALLFRAME_TEST_POSTGRESQL_URL", matches = ".+")
class PostgresStoreTest extends StoreScenarios {
}
