package dev.allframe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.test.AllFrameTest;
import dev.allframe.test.WithConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@AllFrameTest
@WithConfig({"shows.greeting=class", "shows.kept=from the class"})
class ConfigTest {

    @Test
    void theClassesValuesApplyToEachTest() {
        assertThat(ConfigProvider.getConfig().getValue("shows.greeting", String.class)).isEqualTo("class");
        assertThat(ConfigProvider.getConfig().getValue("allframe.event-store", String.class)).isEqualTo("memory");
    }

    @Test
    @WithConfig("shows.greeting = method")
    void aMethodsValuesWinOverTheClasses() {
        assertThat(ConfigProvider.getConfig().getValue("shows.greeting", String.class)).isEqualTo("method");
        assertThat(ConfigProvider.getConfig().getValue("shows.kept", String.class)).isEqualTo("from the class");
    }
}
