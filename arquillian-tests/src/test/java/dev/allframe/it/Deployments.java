package dev.allframe.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy. The build copies the freshly built {@code allframe-cdi} jar and the
 * sample bank's WAR to {@code target/it-libs}, the JPA store with its runtime dependencies to
 * {@code target/it-libs/jpa-store}; applications get AllFrame the way users add it, as libraries in
 * {@code WEB-INF/lib}.
 */
public final class Deployments {

    private Deployments() {
    }

    /** A WAR named {@code name}.war with AllFrame in {@code WEB-INF/lib} and no {@code beans.xml}. */
    public static WebArchive application(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").addAsLibrary(built("allframe-cdi.jar"));
    }

    /**
     * Adds the JPA store and what it needs at run time (Hibernate ORM and its dependencies, without the
     * APIs the server provides) to the WAR's {@code WEB-INF/lib}.
     */
    public static WebArchive withJpaStore(WebArchive war) {
        File directory = built("jpa-store");
        File[] libraries = directory.listFiles((dir, name) -> name.endsWith(".jar"));
        if (libraries == null || libraries.length == 0) {
            throw new UncheckedIOException(new IOException(directory.getAbsolutePath() + " holds no jar"));
        }
        return war.addAsLibraries(libraries);
    }

    /** Adds {@code META-INF/microprofile-config.properties} with {@code properties} to the WAR's classes. */
    public static WebArchive withConfig(WebArchive war, String properties) {
        return war.addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }

    /** The sample bank as the build packaged it; it deploys under {@code /bank}. */
    public static WebArchive sampleBank() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, built("bank.war"));
    }

    private static File built(String fileName) {
        Path file = Path.of(System.getProperty("allframe.it.libs", "target/it-libs"), fileName);
        if (!Files.exists(file)) {
            throw new UncheckedIOException(new IOException(file.toAbsolutePath()
                    + " is missing: run the tests through the build from the project's root (mvn verify)"));
        }
        return file.toFile();
    }
}
