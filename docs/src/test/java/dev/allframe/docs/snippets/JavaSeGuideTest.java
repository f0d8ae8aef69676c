package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.docs.snippets.ExampleProcess.Result;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * docs/guide/java-se.md: its dependencies are those this module runs its examples on, at the versions the build
 * resolves, and its application, built from its blocks, runs in a JVM of its own on a Java SE class path (without the
 * Jakarta EE API jars a server provides) with its persistence unit and configuration, printing what the page says.
 */
class JavaSeGuideTest {

    private static final Path PAGE = Path.of("docs", "guide", "java-se.md");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * What this module depends on besides the page's dependencies: the APIs its blocks compile against as a server
     * provides them, and its test tools (the test kit and the launcher that runs the testing page's tests among them).
     */
    private static final Set<String> NOT_FOR_THE_APPLICATION = Set.of(
            "jakarta.platform:jakarta.jakartaee-api", "org.eclipse.microprofile:microprofile:pom",
            "dev.allframe:allframe-cdi:test-jar", "org.junit.jupiter:junit-jupiter",
            "com.tngtech.archunit:archunit-junit5", "org.assertj:assertj-core", "dev.allframe:allframe-test",
            "org.junit.platform:junit-platform-launcher");

    @TempDir
    Path directory;

    @Test
    void thePagesDependenciesAreThoseTheExamplesRunOnAtTheVersionsTheBuildResolves() throws Exception {
        Set<String> page = coordinates(children(xml(dependenciesBlock()).getDocumentElement()), Map.of());
        Set<String> module = moduleDependencies();

        assertThat(page).as("the dependencies of %s", PAGE).isEqualTo(module);
        for (String dependency : page) {
            String[] parts = dependency.split(":");
            if (!parts[0].equals("dev.allframe")) {
                String jar = String.join(File.separator, parts[0].replace('.', File.separatorChar), parts[1], parts[2],
                        parts[1] + "-" + parts[2] + ".jar");
                assertThat(classPath()).as("the tests' class path has %s", dependency).anyMatch(e -> e.endsWith(jar));
            }
        }
    }

    @Test
    void itsApplicationRunsInJavaSeOnThePagesPersistenceUnitAndPrintsWhatThePageSays() throws Exception {
        Example application = Example.of("java-se", "java-se", directory);

        Result result = ExampleProcess.run("com.example.orders.Main", application.classPathEntry());

        assertThat(result.exitStatus()).as("%s", result).isZero();
        assertThat(result.output()).as("%s", result).isEqualTo(output());
        assertThat(result.errors()).as("the store opened the page's unit").contains("Created AllFrame's tables for H2");
    }

    private static String dependenciesBlock() {
        List<Block> blocks = Pages.blocks(PAGE).stream()
                .filter(block -> block.mark("dependencies").filter("java-se"::equals).isPresent()).toList();
        assertThat(blocks).as("the dependencies block of %s", PAGE).hasSize(1);
        return blocks.get(0).text();
    }

    private static String output() {
        List<Block> blocks = Pages.blocks(PAGE).stream()
                .filter(block -> block.mark("output").filter("java-se"::equals).isPresent()).toList();
        assertThat(blocks).as("the output block of %s", PAGE).hasSize(1);
        return blocks.get(0).text();
    }

    /** This module's dependencies that an application has too, each as group:artifact:version. */
    private static Set<String> moduleDependencies() throws Exception {
        Element parent = xml(Pages.read(Path.of("pom.xml"))).getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        properties.put("project.version", child(parent, "version"));
        for (Element property : children(childElement(parent, "properties"))) {
            properties.put(property.getTagName(), property.getTextContent().trim());
        }
        Map<String, String> managed = new HashMap<>();
        for (Element dependency : dependencies(childElement(parent, "dependencyManagement"))) {
            managed.put(key(dependency), interpolate(child(dependency, "version"), properties));
        }
        List<Element> own = dependencies(xml(Pages.read(Path.of("docs", "pom.xml"))).getDocumentElement()).stream()
                .filter(dependency -> !NOT_FOR_THE_APPLICATION.contains(key(dependency))).toList();
        return coordinates(own, managed);
    }

    /** group:artifact, and :type when it is not a jar. */
    private static String key(Element dependency) {
        String type = child(dependency, "type");
        return child(dependency, "groupId") + ":" + child(dependency, "artifactId")
                + (type == null || type.equals("jar") ? "" : ":" + type);
    }

    private static Set<String> coordinates(List<Element> dependencies, Map<String, String> managed) {
        Set<String> coordinates = new TreeSet<>();
        for (Element dependency : dependencies) {
            String version = child(dependency, "version");
            coordinates.add(key(dependency) + ":" + (version != null ? version : managed.get(key(dependency))));
        }
        return coordinates;
    }

    /** The {@code dependency} elements of the {@code dependencies} element right under {@code owner}. */
    private static List<Element> dependencies(Element owner) {
        return children(childElement(owner, "dependencies"));
    }

    private static String interpolate(String value, Map<String, String> properties) {
        Matcher property = PROPERTY.matcher(value);
        return property.replaceAll(match -> Matcher.quoteReplacement(properties.get(match.group(1))));
    }

    private static String child(Element element, String name) {
        Element child = childElement(element, name);
        return child == null ? null : child.getTextContent().trim();
    }

    private static Element childElement(Element element, String name) {
        return children(element).stream().filter(child -> child.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        if (element != null) {
            NodeList nodes = element.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element child) {
                    children.add(child);
                }
            }
        }
        return children;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static List<String> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }
}
