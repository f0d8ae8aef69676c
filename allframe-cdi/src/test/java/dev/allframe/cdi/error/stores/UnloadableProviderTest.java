package dev.allframe.cdi.error.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.error.config.TickHandler;
import dev.allframe.spi.EventStoreProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnloadableProviderTest {

    @TempDir
    Path classPath;

    @Test
    void aProviderOnTheClassPathThatCannotBeLoadedFailsTheDeployment() throws Exception {
        Path services = classPath.resolve("META-INF/services/" + EventStoreProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, UnloadableStoreProvider.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        AllFrameDeploymentException failure;
        try (URLClassLoader application = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(application);
            try {
                failure = Deployments.failure(TickHandler.class);
            } finally {
                ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig(application));
                thread.setContextClassLoader(previous);
            }
        }

        assertThat(failure.problems()).map(String::valueOf).containsExactly("AF1079: An event store provider on the"
                + " class path cannot be loaded (dev.allframe.spi.EventStoreProvider: Provider"
                + " dev.allframe.cdi.error.stores.UnloadableStoreProvider could not be instantiated): class"
                + " jakarta.persistence.EntityManagerFactory cannot be loaded (add"
                + " jakarta.persistence:jakarta.persistence-api)");
    }
}
