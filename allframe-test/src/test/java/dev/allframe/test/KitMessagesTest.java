package dev.allframe.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.test.internal.TestKitMessages;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit's set-up messages, word for word. */
class KitMessagesTest {

    @Test
    void aConfigValueWithoutAnEqualsSignIsNamedWithItsSite() throws Exception {
        assertThatThrownBy(() -> TestConfig.install(Map.of(), BadConfig.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AF3006: @WithConfig value 'shows.greeting' on"
                        + " dev.allframe.test.KitMessagesTest$BadConfig is not of the form key=value");
        assertThatThrownBy(() -> TestConfig.install(Map.of(), BadConfig.class, BadConfig.class.getMethod("runs")))
                .hasMessage("AF3006: @WithConfig value 'shows.greeting' on"
                        + " dev.allframe.test.KitMessagesTest$BadConfig is not of the form key=value");
    }

    @Test
    void aMethodsBadValueIsNamedWithTheMethod() throws Exception {
        assertThatThrownBy(() -> TestConfig.install(Map.of(), GoodConfig.class, GoodConfig.class.getMethod("runs")))
                .hasMessage("AF3006: @WithConfig value '=x' on dev.allframe.test.KitMessagesTest$GoodConfig.runs"
                        + " is not of the form key=value");
    }

    @Test
    void theDatabaseMessages() {
        assertThat(TestKitMessages.noPostgresUrl(GoodConfig.class)).hasToString("AF3007: TestStore.POSTGRESQL needs"
                + " a JDBC URL of a PostgreSQL database in the environment variable or system property"
                + " ALLFRAME_TEST_POSTGRESQL_URL (test class dev.allframe.test.KitMessagesTest$GoodConfig)");
        assertThat(TestKitMessages.noJpaStore("H2", "", GoodConfig.class, "java.lang.ClassNotFoundException: x"))
                .hasToString("AF3008: TestStore.H2 needs allframe-jpa-store on the test class path (test class"
                        + " dev.allframe.test.KitMessagesTest$GoodConfig): java.lang.ClassNotFoundException: x");
        assertThat(TestKitMessages.databaseFailed("drop", "jdbc:h2:mem:x", "gone"))
                .hasToString("AF3009: The test kit could not drop the test's database jdbc:h2:mem:x: gone");
    }

    @Test
    void theSagaMessages() {
        assertThat(TestKitMessages.sagaNotEnded("01a2", "PT1M")).hasToString("AF3011: Saga 01a2 has not ended within"
                + " PT1M; a saga waiting for the test's manual time needs advanceTime");
        assertThat(TestKitMessages.sagaFailed("01a2", "java.lang.IllegalStateException: down"))
                .hasToString("AF3012: Saga 01a2 ended without an outcome: java.lang.IllegalStateException: down");
        assertThat(TestKitMessages.noHangingStep("tour", "Tour[guest=Ada]"))
                .hasToString("AF3013: No step of the saga 'tour' with input Tour[guest=Ada] hung within ten seconds");
    }

    @Test
    void anExtensionThatCannotStart() {
        assertThat(TestKitMessages.extensionUnusable("io.smallrye.faulttolerance.FaultToleranceExtension",
                "java.lang.NoSuchMethodException: x")).hasToString("AF3016: The test class path has"
                + " io.smallrye.faulttolerance.FaultToleranceExtension, but the test kit cannot start it:"
                + " java.lang.NoSuchMethodException: x");
    }

    @Test
    void theConfigOfATestIsReleasedAfterIt() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        TestConfig config = TestConfig.install(Map.of("a", "b"), GoodConfig.class, null);
        assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(before);
        config.close();
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @WithConfig("shows.greeting")
    static class BadConfig {

        public void runs() {
        }
    }

    static class GoodConfig {

        @WithConfig("=x")
        public void runs() {
        }
    }
}
