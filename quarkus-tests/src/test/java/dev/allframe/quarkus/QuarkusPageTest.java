package dev.allframe.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/guide/quarkus.md shows the set-up this module runs: its dependencies and its configuration. */
class QuarkusPageTest {

    private static final Pattern ARTIFACT = Pattern.compile(
            "<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    private static String block(String language) throws IOException {
        String page = Files.readString(Path.of("../docs/guide/quarkus.md"));
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("a %s block on the page", language).isTrue();
        return block.group(1);
    }

    private static List<String> artifacts(String xml) {
        List<String> artifacts = new ArrayList<>();
        Matcher artifact = ARTIFACT.matcher(xml);
        while (artifact.find()) {
            artifacts.add(artifact.group(1) + ":" + artifact.group(2));
        }
        return artifacts;
    }

    @Test
    void thePagesDependenciesAreTheModules() throws IOException {
        List<String> shown = artifacts(block("xml"));

        assertThat(shown).hasSizeGreaterThan(5);
        assertThat(artifacts(Files.readString(Path.of("pom.xml")))).containsAll(shown);
    }

    @Test
    void thePagesConfigurationIsTheOneTheJpaTestsRunWith() throws IOException {
        Map<String, String> run = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                run.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        run.putAll(new JpaStoreTest.OnJpa().getConfigOverrides());

        for (String line : block("properties").lines().toList()) {
            assertThat(run).containsEntry(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
    }
}
