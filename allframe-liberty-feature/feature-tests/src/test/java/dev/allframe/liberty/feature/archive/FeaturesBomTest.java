package dev.allframe.liberty.feature.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * liberty:prepare-feature reads the features BOM as stored, without Maven's interpolation: its values must be
 * literal and name this build's feature archive.
 */
class FeaturesBomTest {

    @Test
    void namesThisBuildsFeatureArchiveLiterally() throws Exception {
        Document bom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of(System.getProperty("allframe.features.bom")).toFile());
        Element project = bom.getDocumentElement();
        String version = System.getProperty("allframe.version");

        assertEquals("dev.allframe:features-bom:" + version,
                child(project, "groupId") + ":" + child(project, "artifactId") + ":" + child(project, "version"));
        assertEquals(0, project.getElementsByTagName("parent").getLength(), "an imported BOM would bring its parent's");
        assertEquals(List.of("dev.allframe:allframe-1.0:" + version + ":esa"), dependencies(bom));
    }

    private static List<String> dependencies(Document bom) {
        NodeList nodes = bom.getElementsByTagName("dependency");
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            coordinates.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId") + ":"
                    + child(dependency, "version") + ":" + child(dependency, "type"));
        }
        return coordinates;
    }

    private static String child(Element element, String name) {
        NodeList nodes = element.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == element) {
                return nodes.item(i).getTextContent().trim();
            }
        }
        return null;
    }
}
