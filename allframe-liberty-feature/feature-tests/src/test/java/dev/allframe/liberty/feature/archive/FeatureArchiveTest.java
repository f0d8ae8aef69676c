package dev.allframe.liberty.feature.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feature manifest and the bundle inside the ESA agree on what applications see. */
class FeatureArchiveTest {

    private static Attributes feature;
    private static Attributes bundle;

    @BeforeAll
    static void readArchive() throws IOException {
        try (ZipFile esa = new ZipFile(Path.of(System.getProperty("allframe.feature.esa")).toFile())) {
            try (InputStream in = esa.getInputStream(esa.getEntry("OSGI-INF/SUBSYSTEM.MF"))) {
                feature = new Manifest(in).getMainAttributes();
            }
            List<? extends ZipEntry> jars = esa.stream().filter(entry -> entry.getName().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), "bundles in the ESA: " + jars);
            try (JarInputStream jar = new JarInputStream(esa.getInputStream(jars.get(0)))) {
                bundle = jar.getManifest().getMainAttributes();
            }
        }
    }

    @Test
    void isTheUserFeatureAllframe10() {
        assertEquals("allframe-1.0", feature.getValue("IBM-ShortName"));
        assertEquals("allframe-1.0", ManifestHeader.names(feature.getValue("Subsystem-SymbolicName")).get(0));
        assertEquals("osgi.subsystem.feature", feature.getValue("Subsystem-Type"));
        assertNotNull(feature.getValue("Subsystem-Vendor"), "Liberty refuses a user feature without a vendor");
    }

    @Test
    void exposesExactlyThePackagesTheBundleExports() {
        List<String> api = ManifestHeader.names(feature.getValue("IBM-API-Package"));

        assertEquals(List.of("dev.allframe", "dev.allframe.command", "dev.allframe.event", "dev.allframe.projection", "dev.allframe.query", "dev.allframe.saga", "dev.allframe.spi", "dev.allframe.spi.checkpoint", "dev.allframe.spi.deadletter", "dev.allframe.spi.event", "dev.allframe.spi.saga", "dev.allframe.spi.snapshot"), api);
        assertEquals(api, ManifestHeader.names(bundle.getValue("Export-Package")));
        assertTrue(ManifestHeader.clauses(feature.getValue("IBM-API-Package")).stream()
                .allMatch(clause -> clause.endsWith("; type=\"api\"")), feature.getValue("IBM-API-Package"));
    }

    @Test
    void containsTheBundleAndNeedsOnlyCdi() {
        List<String> content = ManifestHeader.clauses(feature.getValue("Subsystem-Content"));

        assertEquals(List.of(bundle.getValue("Bundle-SymbolicName"), "io.openliberty.cdi-4.0"),
                ManifestHeader.names(feature.getValue("Subsystem-Content")));
        String release = System.getProperty("allframe.version").replace("-SNAPSHOT", "");
        assertEquals("dev.allframe; version=\"[" + release + "," + nextPatch(release) + ")\"", content.get(0));
        assertTrue(bundle.getValue("Bundle-Version").startsWith(release), bundle.getValue("Bundle-Version"));
        assertEquals("io.openliberty.cdi-4.0; ibm.tolerates:=\"4.1\"; type=\"osgi.subsystem.feature\"", content.get(1));
    }

    private static String nextPatch(String version) {
        int lastDot = version.lastIndexOf('.');
        return version.substring(0, lastDot + 1) + (Integer.parseInt(version.substring(lastDot + 1)) + 1);
    }
}
