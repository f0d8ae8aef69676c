package dev.allframe.docs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.config.ConfigKey;
import dev.allframe.memory.InMemoryStoreProvider;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/configuration.md lists exactly the {@code allframe.*} keys the code reads, each with the code's
 * default: allframe-cdi's ({@link ConfigKey}) and every store's ({@link EventStoreProvider#configKeys()}).
 */
class ConfigurationPageTest {

    /** A row of the page's tables: {@code | `allframe.key` | `default` | meaning |}, or (none) for no default. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(allframe\\.[^`]+)`\\s*\\|\\s*([^|]*?)\\s*\\|",
            Pattern.MULTILINE);
    private static final String NO_DEFAULT = "(none)";

    @Test
    void thePageListsEveryKeyOfTheCodeWithItsDefaultAndNoOther() throws IOException {
        assertThat(keysOnThePage()).containsExactlyInAnyOrderEntriesOf(keysInTheCode());
    }

    @Test
    void thePageGivesTheBoundsTheCodeChecks() throws IOException {
        String page = Files.readString(page());
        for (ConfigKey key : ConfigKey.values()) {
            if (!key.least().isEmpty()) {
                assertThat(page).as("bounds of %s", key.key()).contains("| `" + key.key() + "` | `"
                        + key.defaultValue() + "` | `" + key.least() + "` to `" + key.most() + "` |");
            }
        }
    }

    @Test
    void theStoresOnTheClassPathAreTheInMemoryAndTheJpaStore() {
        assertThat(ServiceLoader.load(EventStoreProvider.class).stream().map(p -> p.get().name()))
                .as("the stores whose keys this test compares").containsExactly("jpa");
    }

    private static Map<String, String> keysInTheCode() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            keys.put(key.key(), key.defaultValue().isEmpty() ? NO_DEFAULT : key.defaultValue());
        }
        ServiceLoader.load(EventStoreProvider.class).forEach(provider -> addStoreKeys(provider, keys));
        addStoreKeys(new InMemoryStoreProvider(), keys);
        return keys;
    }

    private static void addStoreKeys(EventStoreProvider provider, Map<String, String> keys) {
        for (StoreConfigKey key : provider.configKeys()) {
            keys.put(key.key(), key.defaultValue().isEmpty() ? NO_DEFAULT : key.defaultValue());
        }
    }

    private static Path page() {
        Path root = Path.of("").toAbsolutePath();
        return Files.exists(root.resolve("docs/reference/configuration.md"))
                ? root.resolve("docs/reference/configuration.md") : root.resolve("reference/configuration.md");
    }

    private static Map<String, String> keysOnThePage() throws IOException {
        Matcher row = ROW.matcher(Files.readString(page()));
        Map<String, String> keys = new LinkedHashMap<>();
        while (row.find()) {
            String value = row.group(2).strip();
            String previous = keys.put(row.group(1), value.startsWith("`") ? value.replace("`", "") : value);
            assertThat(previous).as("%s is listed once", row.group(1)).isNull();
        }
        return keys;
    }
}
